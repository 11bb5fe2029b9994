import type { Order } from "../api/types.ts";
import { dateTime, yen } from "../format.ts";
import { Link } from "../shell/router.tsx";

export function ItemsSection({ order }: { order: Order }) {
  return (
    <section className="card span-2" aria-labelledby="items-title">
      <h2 id="items-title">商品</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>商品管理番号</th>
              <th>SKU</th>
              <th>商品名</th>
              <th className="num">単価</th>
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
                  {item.mallSkuCode ? <code>{item.mallSkuCode}</code> : <span className="muted">—</span>}
                </td>
                <td>{item.name}</td>
                <td className="num">{yen(item.unitPrice)}</td>
                <td className="num">{item.quantity}</td>
                <td className="num">{yen(item.unitPrice * item.quantity)}</td>
                <td>
                  {item.mapped ? (
                    "紐付け済み"
                  ) : (
                    <Link to="/mappings" className="warning-link">
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
        <dt>合計</dt>
        <dd className="total">{yen(order.total)}</dd>
      </dl>
    </section>
  );
}

const text = (value: unknown) => (typeof value === "string" && value ? value : "");

export function PartiesSection({ order }: { order: Order }) {
  const to = order.shipTo;
  return (
    <section className="card" aria-labelledby="parties-title">
      <h2 id="parties-title">購入者・送付先</h2>
      <dl className="facts">
        <dt>購入者</dt>
        <dd>
          {order.buyer.name}
          <br />
          <span className="muted">{order.buyer.email}</span>
          {order.buyer.phone && <span className="muted"> / {order.buyer.phone}</span>}
        </dd>
        <dt>送付先</dt>
        <dd>
          {text(to.name)}
          <br />〒{text(to.postalCode)} {text(to.prefecture)}
          {text(to.address1)} {text(to.address2)}
          <br />
          <span className="muted">{text(to.phone)}</span>
        </dd>
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
