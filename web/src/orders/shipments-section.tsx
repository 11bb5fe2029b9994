import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Order } from "../api/types.ts";
import { dateTime } from "../format.ts";
import { useReference } from "../shell/reference-data.tsx";
import { StatusBadge } from "../ui/badges.tsx";
import { AddressLines } from "./order-sections.tsx";

/** Each parcel with its shipping status; request / withdraw only when the API lists them for the order. */
export function ShipmentsSection({
  order,
  onChanged,
  onError,
}: {
  order: Order;
  onChanged: (order: Order) => void;
  onError: (error: ApiError | undefined) => void;
}) {
  const { warehouses } = useReference();
  const [busy, setBusy] = useState(false);
  const allowed = new Set(order.allowedActions);
  const run = async (path: string) => {
    setBusy(true);
    onError(undefined);
    try {
      onChanged(await api<Order>("POST", path));
    } catch (e) {
      onError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="shipments-title">
      <h2 id="shipments-title">出荷</h2>
      {order.shipments.length === 0 && <p className="muted">出荷はまだありません。</p>}
      {order.shipments.map((s, i) => {
        // With several 送付先, each parcel lists what goes in it.
        const items =
          order.shipments.length > 1 ? order.items.filter((item) => item.shipmentId === s.id) : [];
        return (
          <div key={s.id} className="shipment">
            <h3>
              出荷 {i + 1} <StatusBadge status={s.status} label={s.statusLabel} />
            </h3>
            <dl className="facts">
              {s.mallPackageId && (
                <>
                  <dt>送付先ID</dt>
                  <dd>
                    <code>{s.mallPackageId}</code>
                  </dd>
                </>
              )}
              {s.shipTo && (
                <>
                  <dt>送付先</dt>
                  <dd>
                    <AddressLines address={s.shipTo} />
                  </dd>
                </>
              )}
              {items.length > 0 && (
                <>
                  <dt>商品</dt>
                  <dd>
                    <ul className="shipment-items">
                      {items.map((item) => (
                        <li key={item.id}>
                          {item.name} × {item.quantity}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
              <dt>出荷元</dt>
              <dd>{warehouses.find((w) => w.id === s.warehouseId)?.name ?? "—"}</dd>
              {s.requestDueAt && !s.requestedAt && (
                <>
                  <dt>出荷依頼予定</dt>
                  <dd>{dateTime(s.requestDueAt)}</dd>
                </>
              )}
              <dt>出荷依頼</dt>
              <dd>{dateTime(s.requestedAt)}</dd>
              <dt>運送会社・追跡番号</dt>
              <dd>
                {s.carrier ?? "—"} {s.trackingNumber && <code>{s.trackingNumber}</code>}
              </dd>
              <dt>出荷日</dt>
              <dd>{dateTime(s.shippedAt)}</dd>
              <dt>引当</dt>
              <dd>
                {s.allocations.length === 0
                  ? "—"
                  : s.allocations.map((a) => `${a.allocated} / ${a.required}`).join("、")}
              </dd>
            </dl>
            <div className="action-row">
              {allowed.has("requestShipment") && (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void run(`/api/orders/${order.id}/shipments/${s.id}/request`)}
                >
                  出荷依頼を送る
                </button>
              )}
              {allowed.has("withdrawShipment") && (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void run(`/api/orders/${order.id}/shipments/${s.id}/withdraw`)}
                >
                  出荷依頼を取り下げる
                </button>
              )}
            </div>
          </div>
        );
      })}
    </section>
  );
}
