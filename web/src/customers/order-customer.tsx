import type { Order } from "../api/types.ts";
import { Link } from "../shell/router.tsx";

/** On the order: the customer the buyer was recognised as, and the 顧客ランク the order was placed at. */
export function OrderCustomer({ order }: { order: Order }) {
  if (!order.customerId) return null;
  return (
    <>
      <dt>顧客ランク</dt>
      <dd>
        <span data-testid="order-customer-rank">{order.customerRank ?? "なし"}</span>
        <span className="muted">(注文時) </span>
        <Link to={`/customers/${order.customerId}`}>この顧客の注文を見る</Link>
      </dd>
    </>
  );
}
