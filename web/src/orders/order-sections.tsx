import type { Address, Order } from "../api/types.ts";
import { attentionLinks } from "../attention/attention-links.ts";
import { OrderCustomer } from "../customers/order-customer.tsx";
import { dateTime, day, yen } from "../format.ts";
import { Link } from "../shell/router.tsx";
import { CouponRows, deduction, FeeRows, GiftFacts, TaxSummary } from "./mall-details.tsx";
import { PlannedShipDate, TooEarly } from "./shipment-date-cells.tsx";

export function ItemsSection({ order }: { order: Order }) {
  return (
    <section className="card span-2" aria-labelledby="items-title">
      <h2 id="items-title">商品</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>商品管理番号</th>
              <th>商品番号</th>
              <th>SKU</th>
              <th>商品名</th>
              <th className="num">単価</th>
              <th className="num">オプション金額</th>
              <th className="num">数量</th>
              <th className="num">小計</th>
              <th>商品マスタ</th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item) => (
              <tr key={item.id}>
                <td>
                  <code>{item.mallItemCode}</code>
                </td>
                <td>
                  {item.mallItemNumber ? (
                    <code>{item.mallItemNumber}</code>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  {item.mallSkuCode ? <code>{item.mallSkuCode}</code> : <span className="muted">—</span>}
                </td>
                <td>
                  {item.name}
                  {item.selectedChoice && <span className="item-choice">{item.selectedChoice}</span>}
                </td>
                <td className="num">{yen(item.unitPrice)}</td>
                <td className="num" data-label="オプション金額">
                  {item.optionAmount === 0 ? <span className="muted">—</span> : yen(item.optionAmount)}
                </td>
                <td className="num">{item.quantity}</td>
                <td className="num">{yen((item.unitPrice + item.optionAmount) * item.quantity)}</td>
                <td>
                  {item.mapped ? (
                    "紐付け済み"
                  ) : (
                    <Link to={attentionLinks.mapOrderItems(order.id)} className="warning-link">
                      未マッピング — 紐付ける
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="amounts">
        <dt>商品小計</dt>
        <dd>{yen(order.subtotal)}</dd>
        <dt>送料</dt>
        <dd>{yen(order.shippingFee)}</dd>
        <FeeRows order={order} />
        <CouponRows order={order} />
        <dt>ポイント利用</dt>
        <dd>{deduction(order.pointsUsed)}</dd>
        <dt className="total">請求金額</dt>
        <dd className="total">{yen(order.total)}</dd>
      </dl>
      <TaxSummary order={order} />
    </section>
  );
}

const text = (value: unknown) => (typeof value === "string" && value ? value : "");

/** A ship-to as the API stores it (mall imports add the name in kana). */
export function AddressLines({ address }: { address: Address }) {
  return (
    <>
      {text(address.name)}
      {text(address.nameKana) && <span className="muted">({text(address.nameKana)})</span>}
      <br />〒{text(address.postalCode)} {text(address.prefecture)}
      {text(address.address1)} {text(address.address2)}
      <br />
      <span className="muted">{text(address.phone)}</span>
    </>
  );
}

export function PartiesSection({ order }: { order: Order }) {
  const wish = [order.desiredDeliveryDate ? day(order.desiredDeliveryDate) : "", order.desiredTimeSlot ?? ""]
    .filter(Boolean)
    .join(" ");
  return (
    <section className="card" aria-labelledby="parties-title">
      <h2 id="parties-title">購入者・送付先</h2>
      <dl className="facts">
        <dt>購入者</dt>
        <dd>
          {order.buyer.name}
          <br />
          <span className="muted">{order.buyer.email}</span>
          {order.buyer.emailMasked && <span className="badge">中継アドレス</span>}
          {order.buyer.phone && <span className="muted"> / {order.buyer.phone}</span>}
        </dd>
        <OrderCustomer order={order} />
        <dt>送付先</dt>
        <dd>
          <AddressLines address={order.shipTo} />
          {order.shipments.some((s) => s.shipTo) && (
            <>
              <br />
              <span className="muted">送付先が別の荷物は「出荷」に表示しています</span>
            </>
          )}
        </dd>
        <dt>お届け希望</dt>
        <dd>
          {wish || <span className="muted">指定なし</span>}
          <TooEarly order={order} />
        </dd>
        <dt>出荷予定日</dt>
        <dd data-testid="planned-ship-date">
          <PlannedShipDate order={order} />
        </dd>
        <dt>お届け予定日</dt>
        <dd>{day(order.expectedDeliveryDate)}</dd>
        <GiftFacts order={order} />
        {order.remarks && (
          <>
            <dt>備考</dt>
            <dd className="remarks">{order.remarks}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

export function PaymentSection({ order }: { order: Order }) {
  return (
    <section className="card" aria-labelledby="payment-title">
      <h2 id="payment-title">支払い</h2>
      <dl className="facts">
        <dt>支払方法</dt>
        <dd>{order.paymentMethodLabel}</dd>
        <dt>入金</dt>
        <dd>{order.paid ? `入金済み(${dateTime(order.paidAt)})` : "未入金"}</dd>
        <dt>注文日時</dt>
        <dd>{dateTime(order.orderedAt)}</dd>
        <dt>キャンセル猶予</dt>
        <dd>{dateTime(order.graceUntil)} まで</dd>
      </dl>
    </section>
  );
}

/** The mall's own view of an imported order: its status, and when 注文確認 was sent. */
export function MallSection({ order }: { order: Order }) {
  const { mall } = order;
  if (!mall) return null;
  return (
    <section className="card" aria-labelledby="mall-title">
      <h2 id="mall-title">モール</h2>
      <dl className="facts">
        <dt>モールステータス</dt>
        <dd>
          <span className="badge">{mall.statusLabel}</span>
        </dd>
        {mall.paymentLabel && (
          <>
            <dt>モールの支払方法</dt>
            <dd>{mall.paymentLabel}</dd>
          </>
        )}
        <dt>注文確認</dt>
        <dd>{dateTime(mall.confirmedAt)}</dd>
        <dt>最終取得日時</dt>
        <dd>{dateTime(mall.checkedAt)}</dd>
      </dl>
    </section>
  );
}
