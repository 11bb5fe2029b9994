import type { OrderSummary } from "../api/types.ts";
import { CancelRequestFlag } from "../b2b/cancel-request-flag.tsx";
import { dateTime, yen } from "../format.ts";
import { useCan } from "../session/can.tsx";
import { labelOf, useReference } from "../shell/reference-data.tsx";
import { Link } from "../shell/router.tsx";
import { StatusBadge, TagChip } from "../ui/badges.tsx";
import { ShipmentDateCells, ShipmentDateHeads } from "./shipment-date-cells.tsx";
import { useRowSelection } from "./use-row-selection.ts";

export function OrderTable({
  orders,
  selected,
  onSelect,
  activeId,
}: {
  orders: OrderSummary[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
  /** The row j/k moved to: marked, and what x and Enter act on. */
  activeId?: string | undefined;
}) {
  const toggle = useRowSelection(
    orders.map((o) => o.id),
    onSelect,
  );
  const { shops, vocabulary } = useReference();
  const shopName = (id: string) => shops.find((s) => s.id === id)?.name ?? "";
  // Selection is for bulk actions; who may not change orders sees no checkboxes.
  const selectable = useCan("orders:write");
  const allOn = orders.length > 0 && orders.every((o) => selected.has(o.id));
  return (
    <div className="table-wrap">
      <table className="table orders-table">
        <thead>
          <tr>
            {selectable && (
              <th className="col-check">
                <input
                  type="checkbox"
                  aria-label="このページの注文をすべて選択"
                  checked={allOn}
                  onChange={(e) =>
                    onSelect(
                      orders.map((o) => o.id),
                      e.target.checked,
                    )
                  }
                />
              </th>
            )}
            <th>注文番号</th>
            <th>注文日時</th>
            <th className="col-optional">ショップ</th>
            <th>購入者</th>
            <th className="num">合計</th>
            <th>ステータス</th>
            <th>出荷</th>
            <ShipmentDateHeads />
            <th className="col-optional">支払い</th>
            <th className="col-tags">タグ</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr
              key={o.id}
              className={
                [o.deleted ? "row-deleted" : "", o.id === activeId ? "row-active" : ""].join(" ").trim() ||
                undefined
              }
              aria-current={o.id === activeId ? "true" : undefined}
              data-order-number={o.mallOrderNumber}
            >
              {selectable && (
                <td className="col-check">
                  <input
                    type="checkbox"
                    aria-label={`注文 ${o.mallOrderNumber} を選択`}
                    checked={selected.has(o.id)}
                    // A checkbox's change comes from its click: the click says whether Shift was held.
                    onChange={(e) => toggle(o.id, e.target.checked, (e.nativeEvent as MouseEvent).shiftKey)}
                  />
                </td>
              )}
              <td>
                <Link to={`/orders/${o.id}`} className="order-link">
                  {o.mallOrderNumber}
                </Link>
                {o.deleted && <span className="badge badge-deleted">削除済み</span>}
              </td>
              <td className="nowrap">{dateTime(o.orderedAt)}</td>
              <td className="col-optional nowrap">{shopName(o.shopId)}</td>
              <td className="nowrap">{o.buyerName}</td>
              <td className="num nowrap">{yen(o.total)}</td>
              <td className="col-status">
                <StatusBadge status={o.status} label={o.statusLabel} />
                <CancelRequestFlag b2b={o.b2b} />
              </td>
              <td>
                <StatusBadge status={o.shippingStatus} label={o.shippingStatusLabel} />
              </td>
              <ShipmentDateCells order={o} />
              <td className="col-optional nowrap">
                {labelOf(vocabulary.paymentMethods, o.paymentMethod)}
                {o.paid && <span className="badge badge-paid">入金済</span>}
              </td>
              <td className="col-tags">
                <span className="tag-list">
                  {o.tags.map((t) => (
                    <TagChip key={t.id} tag={t} />
                  ))}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
