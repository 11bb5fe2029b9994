import { useApi } from "../api/use-api.ts";
import { count, dateTime, yen } from "../format.ts";
import { Link } from "../shell/router.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import type { CustomerDetail } from "./types.ts";

/** One customer: who they are, their rank now, and their orders with the rank each was placed at. */
export function CustomerScreen({ id }: { id: string }) {
  const found = useApi<CustomerDetail>(`/api/customers/${id}`);
  const c = found.data;
  return (
    <section className="screen">
      <Link to="/customers" className="back-link">
        ← 顧客一覧
      </Link>
      <ErrorNotice error={found.error} title="顧客を表示できません" />
      {!c ? (
        !found.error && <Loading />
      ) : (
        <>
          <header className="screen-header">
            <h1>{c.name}</h1>
            {c.rank && <span className="badge">{c.rank}</span>}
          </header>
          <section className="card" aria-label="顧客の情報">
            <dl className="facts">
              <dt>顧客ランク</dt>
              <dd data-testid="customer-rank">{c.rank ?? "なし"}</dd>
              <dt>購入回数</dt>
              <dd>{count(c.orderCount)}回</dd>
              <dt>購入金額</dt>
              <dd>{yen(c.amount)}</dd>
              <dt>メールアドレス</dt>
              <dd>{c.email ?? "—"}</dd>
              <dt>電話番号</dt>
              <dd>{c.phone ?? "—"}</dd>
              <dt>郵便番号</dt>
              <dd>{c.postalCode ?? "—"}</dd>
            </dl>
            <p className="muted">購入回数・金額にキャンセル・削除・テスト取込の注文は含みません。</p>
          </section>
          <h2>注文</h2>
          <div className="table-wrap">
            <table className="table" aria-label="この顧客の注文">
              <thead>
                <tr>
                  <th>注文番号</th>
                  <th>ショップ</th>
                  <th>注文日時</th>
                  <th>ステータス</th>
                  <th className="numeric">合計金額</th>
                  <th>注文時の顧客ランク</th>
                </tr>
              </thead>
              <tbody>
                {c.orders.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link to={`/orders/${o.id}`}>{o.mallOrderNumber}</Link>
                      {o.testImport && <span className="badge">テスト取込</span>}
                    </td>
                    <td>{o.shopName}</td>
                    <td>{dateTime(o.orderedAt)}</td>
                    <td>{o.statusLabel}</td>
                    <td className="numeric">{yen(o.total)}</td>
                    <td>{o.customerRank ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
