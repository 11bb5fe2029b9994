import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Order } from "../api/types.ts";
import { useCan } from "../session/can.tsx";
import { Link } from "../shell/router.tsx";

type Hold = Order["holds"][number];

/**
 * Each hold (and what a 確認済 order waits for) says why it holds and how to clear it, from the API's
 * table; the action it names is a button or a link right here.
 */
export function OrderHolds({
  order,
  onChanged,
  onError,
  onEdit,
}: {
  order: Order;
  onChanged: (order: Order) => void;
  onError: (error: ApiError | undefined) => void;
  onEdit: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const canWrite = useCan("orders:write");
  if (order.holds.length === 0) return null;
  const allowed = new Set(order.allowedActions);

  const call = async (path: string, after?: (o: Order & { refetchOutcome?: string }) => void) => {
    setBusy(true);
    setDone(undefined);
    onError(undefined);
    try {
      const changed = await api<Order & { refetchOutcome?: string }>("POST", path);
      after?.(changed);
      onChanged(changed);
    } catch (e) {
      onError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };

  const action = (hold: Hold) => {
    switch (hold.action) {
      case "refetch":
        return order.source === "import" && canWrite ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void call(`/api/orders/${order.id}/refetch`, (o) =>
                setDone(
                  o.refetchOutcome === "updated"
                    ? "モールの変更を反映しました。"
                    : "モールに変更はありませんでした。",
                ),
              )
            }
          >
            {busy ? "再取得中…" : "再取得"}
          </button>
        ) : null;
      case "editOrder":
        return allowed.has("edit") ? (
          <button type="button" className="button" onClick={onEdit}>
            受注を修正
          </button>
        ) : null;
      case "recordPayment":
        return allowed.has("markPaid") ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void call(`/api/orders/${order.id}/payment`)}
          >
            入金を記録
          </button>
        ) : null;
      case "mapItem":
        return <Link to="/mappings">紐付ける</Link>;
      case "addStock":
        return <Link to="/products">在庫を見る</Link>;
      default:
        return null;
    }
  };

  return (
    <section className="card span-2 order-holds" aria-labelledby="holds-title">
      <h2 id="holds-title">止まっている理由と解消のしかた</h2>
      <table className="table">
        <thead>
          <tr>
            <th>保留・要対応</th>
            <th>理由</th>
            <th>解消のしかた</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {order.holds.map((h) => (
            <tr key={`${h.tagId ?? ""}${h.name}`}>
              <th scope="row">{h.name}</th>
              <td>{h.why}</td>
              <td>{h.howToClear}</td>
              <td>{action(h)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {done && <p className="notice notice-ok">{done}</p>}
    </section>
  );
}
