import type { LeftOutSlip } from "../api/types.ts";
import { count } from "../format.ts";
import { Link } from "../shell/router.tsx";

/** The shipments the last 送り状CSV left out: each problem, and the screen where it is fixed. */
export function LeftOutSlips({ slips, onClose }: { slips: LeftOutSlip[]; onClose: () => void }) {
  if (slips.length === 0) return null;
  return (
    <section className="notice notice-error left-out-slips" role="alert" aria-label="送り状CSVから外した出荷">
      <strong>
        送り状CSVから {count(slips.length)}件の出荷を外しました。直してからもう一度作ってください。
      </strong>
      <ul>
        {slips.map((s) => (
          <li key={s.shipmentId} data-slip-number={s.slipNumber}>
            <code>{s.slipNumber}</code>(注文 <Link to={`/orders/${s.orderId}`}>{s.mallOrderNumber}</Link>)
            <ul>
              {s.problems.map((p) => (
                <li key={`${p.field}:${p.message}`}>
                  {p.message} — 直す画面: <Link to={p.path}>{p.screen}</Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-quiet" onClick={onClose}>
        閉じる
      </button>
    </section>
  );
}
