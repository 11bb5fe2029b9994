import type { ImportCheck } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count, dateTime } from "../format.ts";
import { useReference } from "../shell/reference-data.tsx";
import { Link } from "../shell/router.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";

/** テスト取込の確認: each test-imported order with what Juchu derived, green or red and why (seed checks 1–10). */
export function ImportCheckScreen({ shopId }: { shopId: string }) {
  const { shops } = useReference();
  const shop = shops.find((s) => s.id === shopId);
  const { data, error } = useApi<ImportCheck>(`/api/shops/${shopId}/import-check`);
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>テスト取込の確認{shop ? `(${shop.name})` : ""}</h1>
        <Link to={`/shops?edit=${shopId}`}>チェックシートへ戻る</Link>
      </header>
      <ErrorNotice error={error} />
      {!data ? (
        !error && <Loading />
      ) : data.items.length === 0 ? (
        <Empty>
          テスト取込した注文はまだありません。ショップ設定で「テスト取込」と「受注を取り込む」をオンにして取り込んでください。
        </Empty>
      ) : (
        <>
          <p className="muted">
            テスト取込した注文 {count(data.total)}件
            {data.total > data.items.length ? `のうち新しい${count(data.items.length)}件` : ""}
            。赤の項目は設定を見直してください。
          </p>
          {data.items.map((order) => (
            <article
              key={order.id}
              className="card import-check"
              aria-label={`注文 ${order.mallOrderNumber}`}
            >
              <h2>
                <Link to={`/orders/${order.id}`}>{order.mallOrderNumber}</Link>{" "}
                <span className="muted">{dateTime(order.orderedAt)}</span>{" "}
                {order.processed ? (
                  <span className="badge badge-ok">処理済み</span>
                ) : (
                  <span className="badge">未処理</span>
                )}
              </h2>
              <table className="table">
                <thead>
                  <tr>
                    <th>項目</th>
                    <th>結果</th>
                    <th>内容</th>
                    <th>理由</th>
                  </tr>
                </thead>
                <tbody>
                  {order.checks.map((c) => (
                    <tr key={c.field} className={c.ok ? "check-ok" : "check-ng"}>
                      <th scope="row">{c.label}</th>
                      <td>{c.ok ? "✔ OK" : "✖ 要確認"}</td>
                      <td>{c.value}</td>
                      <td>{c.why}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </article>
          ))}
        </>
      )}
    </section>
  );
}
