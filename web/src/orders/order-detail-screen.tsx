import { useEffect, useState } from "react";
import { type ApiError, api } from "../api/client.ts";
import type { Order } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { CancelRequestPanel } from "../b2b/cancel-request-panel.tsx";
import { dateTime } from "../format.ts";
import { useCan } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { Link } from "../shell/router.tsx";
import { StatusBadge, TagChip } from "../ui/badges.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { PrintButton } from "./list-tools.tsx";
import { OrderActions } from "./order-actions.tsx";
import { OrderEditDialog } from "./order-edit-dialog.tsx";
import { OrderHolds } from "./order-holds.tsx";
import { OrderMails } from "./order-mails.tsx";
import { ItemsSection, MallSection, PartiesSection, PaymentSection } from "./order-sections.tsx";
import { OrderTimeline } from "./order-timeline.tsx";
import { ShipmentsSection } from "./shipments-section.tsx";
import { withinPermissions } from "./within-permissions.ts";

export function OrderDetailScreen({ id }: { id: string }) {
  const { shops } = useReference();
  const loaded = useApi<Order>(`/api/orders/${id}`);
  const [held, setOrder] = useState<Order>();
  const may = { orders: useCan("orders:write"), shipping: useCan("shipping:write") };
  const [error, setError] = useState<ApiError>();
  const [editing, setEditing] = useState(false);
  useEffect(() => setOrder(loaded.data), [loaded.data]);

  if (!held) {
    return (
      <section className="screen">
        <Link to="/orders">← 受注一覧</Link>
        {loaded.error ? <ErrorNotice error={loaded.error} /> : <Loading />}
      </section>
    );
  }
  const order = withinPermissions(held, may);
  const shop = shops.find((s) => s.id === order.shopId);
  const removable = order.allowedActions.includes("removeTag");
  const removeTag = async (tagId: string) => {
    setError(undefined);
    try {
      setOrder(await api<Order>("DELETE", `/api/orders/${order.id}/tags/${tagId}`));
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <section className="screen order-detail">
      <Link to="/orders" className="back-link">
        ← 受注一覧
      </Link>
      <header className="screen-header order-header">
        <h1>
          注文 <span className="order-number">{order.mallOrderNumber}</span>
        </h1>
        <span className="order-status">
          <StatusBadge status={order.status} label={order.statusLabel} />
        </span>
        {order.shippingStatus && (
          <span className="header-shipping">
            出荷: <StatusBadge status={order.shippingStatus} label={order.shippingStatusLabel} />
          </span>
        )}
        {order.testImport && <span className="badge badge-test">テスト取込</span>}
        {order.deleted && <span className="badge badge-deleted">削除済み({dateTime(order.deletedAt)})</span>}
        <span className="muted">
          {shop ? `${shop.name}(${shop.channelLabel})` : ""} ・ {dateTime(order.orderedAt)}
        </span>
        <PrintButton />
      </header>
      {order.testImport && (
        <p className="notice">テスト取込の注文です。メール・出荷依頼・モールへの反映は行いません。</p>
      )}
      <CancelRequestPanel order={order} onChanged={setOrder} />
      <OrderHolds order={order} onChanged={setOrder} onError={setError} onEdit={() => setEditing(true)} />
      <div className="order-tags">
        <span className="field-label">タグ</span>
        {order.tags.length === 0 && <span className="muted">なし</span>}
        {order.tags.map((t) => (
          <TagChip
            key={t.id}
            tag={t}
            system={t.kind === "system"}
            {...(removable ? { onRemove: () => void removeTag(t.id) } : {})}
          />
        ))}
      </div>
      {order.allowedActions.includes("edit") && (
        <button type="button" className="button" onClick={() => setEditing(true)}>
          受注を修正
        </button>
      )}
      <OrderActions order={order} onChanged={setOrder} error={error} onError={setError} />
      {editing && (
        <OrderEditDialog
          order={order}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setOrder(saved);
            setEditing(false);
          }}
        />
      )}
      <div className="detail-grid">
        <ItemsSection order={order} />
        <PartiesSection order={order} />
        <PaymentSection order={order} />
        <ShipmentsSection order={order} onChanged={setOrder} onError={setError} />
        <MallSection order={order} />
        <OrderMails orderId={order.id} />
        <OrderTimeline order={order} />
      </div>
    </section>
  );
}
