import type { Answer } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count, dateTime } from "../format.ts";
import { Can } from "../session/can.tsx";
import { Link } from "../shell/router.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { attentionLinks } from "./attention-links.ts";
import { CancelRequestLine, ShopAndMailLines, WarehouseLines } from "./operations-lines.tsx";

export type Attention = Answer<"/api/attention">;
type TagLine = Attention["tags"][number];

/** Often enough to see a new error within the minute; useApi skips the call while the tab is hidden. */
const REFRESH_MS = 30_000;

/** 要対応: the first screen after log-in — everything that waits for a person, each with where to fix it. */
export function AttentionScreen() {
  const board = useApi<Attention>("/api/attention", REFRESH_MS);
  if (!board.data) return board.error ? <ErrorNotice error={board.error} /> : <Loading />;
  const a = board.data;
  const nothing =
    a.tags.length === 0 &&
    a.stockShort.length === 0 &&
    a.importFailures.length === 0 &&
    a.credentials.length === 0 &&
    a.failedMails.count === 0 &&
    a.cancelRequests.count === 0 &&
    a.warehouses.every((w) => w.unshippable + w.overdue === 0);
  return (
    <section className="screen attention">
      <header className="screen-header">
        <h1>要対応</h1>
        <p className="muted">
          {dateTime(a.generatedAt)} 時点・30秒ごとに自動で更新します
          {board.error && "(更新できませんでした。前の内容を表示しています)"}
        </p>
      </header>
      {nothing && <p className="attention-clear">今すぐ対応が必要な注文はありません。</p>}
      <CancelRequestLine requests={a.cancelRequests} />
      {a.tags.length > 0 && (
        <section className="card" aria-labelledby="attention-orders">
          <h2 id="attention-orders">止まっている注文</h2>
          <ul className="attention-lines">
            {a.tags.map((line) => (
              <TagLineItem key={line.tagId} line={line} />
            ))}
          </ul>
        </section>
      )}
      {a.stockShort.length > 0 && <StockShort items={a.stockShort} />}
      <WarehouseLines warehouses={a.warehouses} />
      <ShopAndMailLines attention={a} />
    </section>
  );
}

function TagLineItem({ line }: { line: TagLine }) {
  const more = line.count - line.orders.length;
  return (
    <li className={`attention-line attention-${line.group}`} data-tag={line.name}>
      <div className="attention-head">
        <span className="attention-group">{line.groupLabel}</span>
        <span className="tag-dot" style={{ background: line.color }} aria-hidden="true" />
        <strong>{line.name}</strong>
        <Link to={attentionLinks.ordersWithTag(line.tagId)} className="attention-count">
          {count(line.count)}
          {line.capped ? "件以上" : "件"}
        </Link>
      </div>
      <p className="attention-action">{line.action}</p>
      <ul className="attention-orders">
        {line.orders.map((o) => (
          <li key={o.id}>
            <Link to={attentionLinks.order(o.id)} className="order-link">
              {o.mallOrderNumber}
            </Link>{" "}
            {o.buyerName} <span className="muted">{dateTime(o.orderedAt)}</span>
            {line.systemCode === "unmapped_item" && (
              <>
                {" "}
                <Can permission="catalog:write">
                  <Link
                    to={attentionLinks.mapOrderItems(o.id)}
                    className="button button-primary button-small"
                  >
                    紐付ける
                  </Link>
                </Can>
              </>
            )}
          </li>
        ))}
        {more > 0 && (
          <li>
            <Link to={attentionLinks.ordersWithTag(line.tagId)}>ほか{count(more)}件を受注一覧で見る</Link>
          </li>
        )}
      </ul>
    </li>
  );
}

function StockShort({ items }: { items: Attention["stockShort"] }) {
  return (
    <section className="card" aria-labelledby="attention-stock">
      <h2 id="attention-stock">在庫が足りない商品</h2>
      <p className="attention-action">
        入荷したら「商品・在庫」で在庫数を登録してください。待っている注文に自動で引当てます。{" "}
        <Link to={attentionLinks.products}>商品・在庫へ</Link>
      </p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>SKU</th>
              <th>商品名</th>
              <th>倉庫</th>
              <th className="num">不足数</th>
              <th className="num">有効在庫</th>
              <th className="num">待っている出荷</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={`${s.productId}|${s.warehouseId}`}>
                <td>
                  <code>{s.sku}</code>
                </td>
                <td>{s.name}</td>
                <td>{s.warehouseName}</td>
                <td className="num">{count(s.short)}</td>
                <td className="num">{count(s.available)}</td>
                <td className="num">{count(s.shipments)}件</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
