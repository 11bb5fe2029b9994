import type { Answer, Shop } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { dateTime } from "../format.ts";
import { ErrorNotice, Loading } from "../ui/states.tsx";

type UnknownValue = Answer<"/api/shops/{id}/unknown-values">["items"][number];

/**
 * 未登録の値: what the mall sent that Juchu does not know, held or flagged on the orders rather than
 * guessed. Registering the code in マスタ管理 and re-reading the orders clears them.
 */
export function UnknownValuesSection({ shop }: { shop: Shop }) {
  const values = useApi<{ items: UnknownValue[] }>(`/api/shops/${shop.id}/unknown-values`);
  if (values.error) return <ErrorNotice error={values.error} />;
  if (!values.data) return <Loading />;
  return (
    <section className="unknown-values" aria-labelledby={`unknown-${shop.id}`}>
      <h3 id={`unknown-${shop.id}`}>未登録の値</h3>
      {values.data.items.length === 0 ? (
        <p className="muted">モールから届いた値はすべて登録済みです。</p>
      ) : (
        <table className="table" aria-label="未登録の値">
          <thead>
            <tr>
              <th>種類</th>
              <th>モールのコード</th>
              <th>モールでの名前</th>
              <th>最初に届いた日時</th>
              <th>注文数</th>
              <th>対応</th>
            </tr>
          </thead>
          <tbody>
            {values.data.items.map((v) => (
              <tr key={`${v.kind}-${v.mallCode}`}>
                <td>{v.kindLabel}</td>
                <td>{v.mallCode}</td>
                <td>{v.label}</td>
                <td>{dateTime(v.firstSeenAt)}</td>
                <td>{v.orderCount}</td>
                <td>
                  {v.hasMaster
                    ? "マスタ管理で登録し、注文を再取得してください"
                    : "モールで注文が進むと外れます"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
