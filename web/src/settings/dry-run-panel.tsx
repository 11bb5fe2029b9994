import type { DryRun } from "../api/types.ts";
import { dateTime, yen } from "../format.ts";
import { Link } from "../shell/router.tsx";

/** "This rule would have matched these 12 of the last 500 orders": the API's summary and the orders. */
export function DryRunPanel({ result }: { result: DryRun }) {
  return (
    <section className="dry-run" aria-label="試し実行の結果">
      <p className="dry-run-summary" role="status">
        {result.summary}
      </p>
      <p className="muted">{result.description}</p>
      {result.orders.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>注文番号</th>
                <th>注文日時</th>
                <th>購入者</th>
                <th className="num">合計</th>
                <th>ステータス</th>
              </tr>
            </thead>
            <tbody>
              {result.orders.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/orders/${o.id}`}>{o.mallOrderNumber}</Link>
                  </td>
                  <td>{dateTime(o.orderedAt)}</td>
                  <td>{o.buyerName}</td>
                  <td className="num">{yen(o.total)}</td>
                  <td>{o.statusLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
