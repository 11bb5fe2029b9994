import { useEffect, useState } from "react";
import { useApi } from "../api/use-api.ts";
import { dateTime, day, yen } from "../format.ts";
import { Link, useLocation } from "../shell/router.tsx";
import { StatusBadge } from "../ui/badges.tsx";
import { ErrorNotice, Loading, Notice } from "../ui/states.tsx";
import { CancelRequestForm } from "./cancel-request-form.tsx";
import { BUYER } from "./paths.ts";
import type { BuyerOrderDetail, CancelRequestView } from "./types.ts";

/** 発注履歴詳細: 注文状況 (with a cancel request's outcome), the lines, where it goes; the cancel request at the bottom. */
export function OrderDetailScreen({ id }: { id: string }) {
  const { search } = useLocation();
  const loaded = useApi<BuyerOrderDetail>(`/api/buyer/orders/${encodeURIComponent(id)}`);
  const [order, setOrder] = useState<BuyerOrderDetail>();
  const [requested, setRequested] = useState(false);
  useEffect(() => setOrder(loaded.data), [loaded.data]);
  // 「キャンセルリクエスト」 on 発注履歴 opens this page at its form.
  useEffect(() => {
    if (order?.canRequestCancel && window.location.hash === "#cancel-request")
      document.getElementById("cancel-request")?.scrollIntoView();
  }, [order?.canRequestCancel]);
  if (!order) {
    return (
      <section className="buyer-screen">
        <Link to={BUYER.history}>← 発注履歴</Link>
        {loaded.error ? <ErrorNotice error={loaded.error} /> : <Loading />}
      </section>
    );
  }
  return (
    <section className="buyer-screen">
      <Link to={BUYER.history}>← 発注履歴</Link>
      <h1>発注履歴詳細</h1>
      {search.get("placed") && <Notice>ご注文を受け付けました。</Notice>}
      {requested && (
        <Notice>
          キャンセルをリクエストしました。発注先が承認するまで、注文はキャンセルされません。
          承認されたかどうかを必ずご確認ください。
        </Notice>
      )}
      <dl className="facts buyer-card">
        <dt>注文番号</dt>
        <dd>{order.orderNumber}</dd>
        <dt>注文日時</dt>
        <dd>{dateTime(order.orderedAt)}</dd>
        <dt>注文状況</dt>
        <dd className="buyer-status">
          <StatusBadge status={order.status} label={order.statusLabel} />
          {order.cancelRequest && <CancelOutcome request={order.cancelRequest} />}
        </dd>
        <dt>納品希望日</dt>
        <dd>{day(order.desiredDeliveryDate)}</dd>
        <dt>配送先</dt>
        <dd>
          〒{order.shipTo.postalCode} {order.shipTo.prefecture}
          {order.shipTo.address1}
          {order.shipTo.address2 ?? ""}
          <br />
          {order.shipTo.name}
        </dd>
      </dl>
      <h2>ご注文内容</h2>
      <ul className="buyer-cards" aria-label="ご注文内容">
        {order.lines.map((l) => (
          <li key={l.sku} className="buyer-card">
            <strong>{l.name}</strong> <span className="muted">{l.sku}</span>
            <p className="buyer-card-facts">
              <span>
                {yen(l.unitPrice)} × {l.quantity}
              </span>
              <span>{yen(l.amount)}</span>
            </p>
          </li>
        ))}
      </ul>
      <p className="buyer-total">
        合計 <strong>{yen(order.total)}</strong>
      </p>
      {order.history.length > 0 && (
        <>
          <h2>経過</h2>
          <ol className="buyer-history">
            {order.history.map((h) => (
              <li key={`${h.at}-${h.label}`}>
                <span className="muted">{dateTime(h.at)}</span> {h.label}
              </li>
            ))}
          </ol>
        </>
      )}
      {order.canRequestCancel && (
        <CancelRequestForm
          order={order}
          onRequested={() => {
            loaded.reload();
            setRequested(true);
            window.scrollTo(0, 0);
          }}
        />
      )}
    </section>
  );
}

/**
 * Under 注文状況: the request's state in the history's words; a refused one reads 「キャンセル却下」 with the
 * merchant's reason beside it.
 */
function CancelOutcome({ request }: { request: CancelRequestView }) {
  const refused = request.status === "refused";
  return (
    <span className={`buyer-cancel buyer-cancel-${request.status}`}>
      {refused ? request.detailLabel : request.label}
      {refused && request.refusalReason && (
        <span className="buyer-refusal-reason">{request.refusalReason}</span>
      )}
    </span>
  );
}
