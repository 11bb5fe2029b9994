import { dateTime, yen } from "../format.ts";
import { Link, navigate } from "../shell/router.tsx";
import { StatusBadge } from "../ui/badges.tsx";
import { BUYER } from "./paths.ts";
import type { BuyerOrder } from "./types.ts";

/** One order of 発注履歴: 注文状況, what became of a cancel request, and 「キャンセルリクエスト」 while allowed. */
export function OrderCard({ order }: { order: BuyerOrder }) {
  const request = order.cancelRequest;
  return (
    <li className="buyer-card" data-order-number={order.orderNumber}>
      <div className="buyer-card-head">
        <Link to={BUYER.order(order.id)} className="buyer-order-link">
          注文番号 {order.orderNumber}
        </Link>
        <StatusBadge status={order.status} label={order.statusLabel} />
      </div>
      <p className="buyer-card-facts">
        <span>{dateTime(order.orderedAt)}</span>
        <span>{yen(order.total)}</span>
      </p>
      {request && (
        <p className={`buyer-cancel buyer-cancel-${request.status}`} role="status">
          {request.label}
        </p>
      )}
      {order.canRequestCancel && (
        <button
          type="button"
          className="button"
          onClick={() => navigate(`${BUYER.order(order.id)}#cancel-request`)}
        >
          キャンセルリクエスト
        </button>
      )}
    </li>
  );
}
