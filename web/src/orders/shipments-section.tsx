import { useState } from "react";
import { ApiError, api, download } from "../api/client.ts";
import type { Order } from "../api/types.ts";
import { dateTime, day } from "../format.ts";
import { useCan } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { ParcelLinks } from "../shipping/parcel-links.tsx";
import { withdrawConfirm } from "../shipping/withdraw-confirm.ts";
import { StatusBadge } from "../ui/badges.tsx";
import { useConfirm } from "../ui/confirm-dialog.tsx";
import { Notice } from "../ui/states.tsx";
import { ParcelWishes } from "./mall-details.tsx";
import { AddressLines } from "./order-sections.tsx";
import { ShipmentConditions } from "./shipment-conditions.tsx";

/** Each parcel with its shipping status; request / withdraw only when the API lists them for that shipment. */
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
  const [resent, setResent] = useState(false);
  // Offered once a report failed: the tag is how the server says the mall has not got it.
  const resendable =
    useCan("shipping:write") &&
    order.allowedActions.includes("reportShipping") &&
    order.tags.some((t) => t.systemCode === "mall_reflection_error");
  const attempt = async (job: () => Promise<void>) => {
    setBusy(true);
    onError(undefined);
    try {
      await job();
    } catch (e) {
      onError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  const run = (path: string) => attempt(async () => onChanged(await api<Order>("POST", path)));
  const confirm = useConfirm();
  return (
    <section className="card" aria-labelledby="shipments-title">
      <h2 id="shipments-title">出荷</h2>
      {confirm.dialog}
      {order.shipments.length === 0 && <p className="muted">出荷はまだありません。</p>}
      <div className="action-row">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void attempt(() => download("GET", `/api/orders/${order.id}/delivery-note.pdf`))}
        >
          納品書(PDF)
        </button>
        {resendable && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void attempt(async () => {
                await api("POST", `/api/orders/${order.id}/report-shipping`);
                setResent(true);
              })
            }
          >
            モールへ再送
          </button>
        )}
      </div>
      {resent && <Notice>出荷情報をモールへ送り直します。結果は履歴に残ります。</Notice>}
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
              <dt>出荷番号</dt>
              <dd>
                <code>{s.slipNumber}</code>
              </dd>
              {s.unshippableReason && (
                <>
                  <dt>出荷不可の理由</dt>
                  <dd>{s.unshippableReason}</dd>
                </>
              )}
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
              <ParcelWishes shipment={s} />
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
              <ShipmentConditions shipment={s} />
              {s.requestDueAt && !s.requestedAt && (
                <>
                  <dt>出荷依頼予定</dt>
                  <dd>{dateTime(s.requestDueAt)}</dd>
                </>
              )}
              <dt>出荷依頼</dt>
              <dd>{dateTime(s.requestedAt)}</dd>
              {(s.plannedShipDate ?? s.calendarShipDate) && !s.shippedOn && (
                <>
                  <dt>出荷予定日</dt>
                  <dd>
                    {day(s.plannedShipDate ?? s.calendarShipDate)}
                    {s.plannedShipDate && <span className="muted">(倉庫回答)</span>}
                  </dd>
                  <dt>お届け予定日</dt>
                  <dd>{day(s.expectedDeliveryDate)}</dd>
                </>
              )}
              <dt>伝票番号</dt>
              <dd>
                <ParcelLinks parcels={s.parcels} />
              </dd>
              <dt>出荷日</dt>
              <dd>{day(s.shippedOn)}</dd>
              <dt>引当</dt>
              <dd>
                {s.allocations.length === 0
                  ? "—"
                  : s.allocations.map((a) => `${a.allocated} / ${a.required}`).join("、")}
              </dd>
            </dl>
            <div className="action-row">
              {s.allowedActions.includes("request") && (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void run(`/api/orders/${order.id}/shipments/${s.id}/request`)}
                >
                  出荷依頼を送る
                </button>
              )}
              {s.allowedActions.includes("withdraw") && (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() =>
                    void confirm
                      .ask(withdrawConfirm(s.slipNumber))
                      .then((ok) =>
                        ok ? run(`/api/orders/${order.id}/shipments/${s.id}/withdraw`) : undefined,
                      )
                  }
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
