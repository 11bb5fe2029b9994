import { useState } from "react";
import { query } from "../api/client.ts";
import type { Product, StockMovement } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count, dateTime } from "../format.ts";
import { whoActed } from "../orders/order-timeline.tsx";
import { useSignedIn } from "../session/session.tsx";
import { Link } from "../shell/router.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";

const signed = (n: number) => (n === 0 ? "" : n > 0 ? `+${count(n)}` : `−${count(-n)}`);

/** 在庫履歴: what moved the product's 在庫 and 引当, newest first, one warehouse or all. */
export function StockHistory({ product }: { product: Product }) {
  const session = useSignedIn();
  const [warehouseId, setWarehouseId] = useState("");
  const [cursors, setCursors] = useState<string[]>([""]);
  const cursor = cursors.at(-1) ?? "";
  const page = useApi<{ items: StockMovement[]; nextCursor: string | null }>(
    `/api/products/${product.id}/stock-movements${query({ warehouseId, cursor, limit: 20 })}`,
  );
  return (
    <section className="stock-history" aria-label={`${product.sku} の在庫履歴`}>
      <div className="filters-row">
        <h3>在庫履歴</h3>
        {product.stock.length > 1 && (
          <select
            aria-label="倉庫"
            value={warehouseId}
            onChange={(e) => {
              setWarehouseId(e.target.value);
              setCursors([""]);
            }}
          >
            <option value="">すべての倉庫</option>
            {product.stock.map((s) => (
              <option key={s.warehouseId} value={s.warehouseId}>
                {s.warehouseName}
              </option>
            ))}
          </select>
        )}
      </div>
      <ErrorNotice error={page.error} />
      {!page.data ? (
        !page.error && <Loading />
      ) : page.data.items.length === 0 ? (
        <Empty>在庫の動きはまだありません。</Empty>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>日時</th>
              <th>倉庫</th>
              <th>種類</th>
              <th className="num">在庫</th>
              <th className="num">引当</th>
              <th>注文</th>
              <th>操作した人</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((m) => (
              <tr key={m.id} data-kind={m.kind}>
                <td className="nowrap">
                  <time dateTime={m.at}>{dateTime(m.at)}</time>
                </td>
                <td>{m.warehouseName}</td>
                <td>{m.kindLabel}</td>
                <td className="num">{signed(m.onHandDelta)}</td>
                <td className="num">{signed(m.allocatedDelta)}</td>
                <td>{m.order && <Link to={`/orders/${m.order.id}`}>{m.order.mallOrderNumber}</Link>}</td>
                <td>{whoActed(m.actedBy, session.user.id)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label="在庫履歴のページ">
        <button
          type="button"
          className="button"
          disabled={cursors.length < 2}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          ← 新しい履歴
        </button>
        <button
          type="button"
          className="button"
          disabled={!page.data?.nextCursor}
          onClick={() => setCursors([...cursors, page.data?.nextCursor ?? ""])}
        >
          古い履歴 →
        </button>
      </nav>
    </section>
  );
}
