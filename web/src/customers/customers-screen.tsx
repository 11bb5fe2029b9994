import { type FormEvent, useState } from "react";
import { useApi } from "../api/use-api.ts";
import { count, dateTime, yen } from "../format.ts";
import { Link } from "../shell/router.tsx";
import { CursorPager } from "../ui/cursor-pager.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import type { Customer, CustomerRank } from "./types.ts";

/** The rank filter's value for customers without a rank: the API's empty rank. */
const NO_RANK = "\u0000none";

/** 顧客: buyers recognised across orders, newest buyer first, found by name, e-mail or phone and by rank. */
export function CustomersScreen() {
  const ranks = useApi<{ items: CustomerRank[] }>("/api/customer-ranks");
  const [typed, setTyped] = useState("");
  const [q, setQ] = useState("");
  const [rank, setRank] = useState("");
  const [cursor, setCursor] = useState("");
  const [previous, setPrevious] = useState<string[]>([]);
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (rank) params.set("rank", rank === NO_RANK ? "" : rank);
  if (cursor) params.set("cursor", cursor);
  const list = useApi<{ items: Customer[]; nextCursor: string | null }>(`/api/customers?${params}`);
  const restart = () => {
    setCursor("");
    setPrevious([]);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(typed.trim());
    restart();
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>顧客</h1>
      </header>
      <p className="muted">
        メールアドレス(モールの中継アドレスを除く)、電話番号、氏名+送付先の郵便番号のどれかが同じ購入者を同じ顧客としてまとめています。
      </p>
      <form className="filters" onSubmit={submit} aria-label="顧客の検索">
        <div className="filters-row">
          <input
            type="search"
            className="filters-q"
            aria-label="氏名・メールアドレス・電話番号で検索"
            placeholder="氏名・メールアドレス・電話番号"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <select
            aria-label="顧客ランク"
            value={rank}
            onChange={(e) => {
              setRank(e.target.value);
              restart();
            }}
          >
            <option value="">すべてのランク</option>
            {ranks.data?.items.map((r) => (
              <option key={r.id} value={r.name}>
                {r.name}
              </option>
            ))}
            <option value={NO_RANK}>ランクなし</option>
          </select>
          <button type="submit" className="button button-primary">
            検索
          </button>
        </div>
      </form>
      <ErrorNotice error={list.error} />
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>該当する顧客はいません。</Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" aria-label="顧客一覧">
              <thead>
                <tr>
                  <th>氏名</th>
                  <th>顧客ランク</th>
                  <th className="numeric">購入回数</th>
                  <th className="numeric">購入金額</th>
                  <th>最終注文日時</th>
                  <th>メールアドレス</th>
                  <th>電話番号</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.id} data-customer={c.id}>
                    <td>
                      <Link to={`/customers/${c.id}`}>{c.name}</Link>
                    </td>
                    <td>
                      {c.rank ? <span className="badge">{c.rank}</span> : <span className="muted">—</span>}
                    </td>
                    <td className="numeric">{count(c.orderCount)}回</td>
                    <td className="numeric">{yen(c.amount)}</td>
                    <td>{dateTime(c.lastOrderedAt)}</td>
                    <td>{c.email ?? "—"}</td>
                    <td>{c.phone ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <CursorPager
            cursor={cursor}
            previous={previous}
            nextCursor={list.data.nextCursor}
            goTo={(next, back) => {
              setPrevious(back ? previous.slice(0, -1) : [...previous, cursor]);
              setCursor(next);
            }}
          />
        </>
      )}
    </section>
  );
}
