import { useState } from "react";
import { ApiError, api, download } from "../api/client.ts";
import type { LeftOutSlip, ShipmentRow } from "../api/types.ts";
import { day } from "../format.ts";
import { useCan } from "../session/can.tsx";
import { Link } from "../shell/router.tsx";
import { StatusBadge } from "../ui/badges.tsx";
import { useConfirm } from "../ui/confirm-dialog.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import { ParcelLinks } from "./parcel-links.tsx";
import { ServicePicker } from "./service-picker.tsx";
import { withdrawConfirm } from "./withdraw-confirm.ts";

/** Only the own stock room's 出荷中 shipments are worked here: picking, slips, 納品書. */
export const selectable = (s: ShipmentRow) => s.atStockRoom && s.status === "shipping";
const canWithdraw = (s: ShipmentRow) => s.status === "shipping";
const canRequest = (s: ShipmentRow) => s.status === "unshippable" || s.status === "awaiting_shipment";

export function ShipmentTable({
  shipments,
  selected,
  onSelect,
  leftOut,
  onChanged,
}: {
  shipments: ShipmentRow[];
  selected: ReadonlySet<string>;
  onSelect: (ids: ReadonlySet<string>) => void;
  /** Shipments the last 送り状CSV left out: marked, with the first reason in 理由. */
  leftOut: LeftOutSlip[];
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState<string>();
  const canAct = useCan("shipping:write");
  const canRead = useCan("shipping:read");
  const [failure, setFailure] = useState<{ slipNumber: string; error: ApiError }>();
  const workable = shipments.filter(selectable);
  const allOn = workable.length > 0 && workable.every((s) => selected.has(s.id));
  const toggle = (ids: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) on ? next.add(id) : next.delete(id);
    onSelect(next);
  };
  const confirm = useConfirm();
  const act = async (
    s: ShipmentRow,
    verb: "withdraw" | "request" | "service" | "note",
    service?: string | null,
  ) => {
    if (verb === "withdraw" && !(await confirm.ask(withdrawConfirm(s.slipNumber)))) return;
    setBusy(s.id);
    setFailure(undefined);
    try {
      const path = `/api/orders/${s.orderId}/shipments/${s.id}`;
      // The parcel's own 納品書 is a file, not a change: nothing to reload.
      if (verb === "note") return await download("GET", `/api/shipments/${s.id}/delivery-note.pdf`);
      if (verb === "service") await api("PATCH", path, { shippingService: service ?? null });
      else await api("POST", `${path}/${verb}`);
      onChanged();
    } catch (e) {
      setFailure({ slipNumber: s.slipNumber, error: e instanceof ApiError ? e : new ApiError(0, null) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      {confirm.dialog}
      {failure && (
        <ErrorNotice error={failure.error} title={`出荷 ${failure.slipNumber} を操作できませんでした`} />
      )}
      <div className="table-wrap">
        <table className="table shipments-table">
          <thead>
            <tr>
              <th className="col-check">
                <input
                  type="checkbox"
                  aria-label="自社倉庫の出荷中をすべて選択"
                  disabled={workable.length === 0}
                  checked={allOn}
                  onChange={(e) =>
                    toggle(
                      workable.map((s) => s.id),
                      e.target.checked,
                    )
                  }
                />
              </th>
              <th>出荷番号</th>
              <th>注文番号</th>
              <th className="col-optional">ショップ</th>
              <th>送付先</th>
              <th>倉庫</th>
              <th>状態</th>
              <th>出荷予定日/出荷日</th>
              <th>配送サービス</th>
              <th>伝票番号</th>
              <th>理由</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {shipments.map((s) => {
              const left = leftOut.find((l) => l.shipmentId === s.id);
              return (
                <tr key={s.id} data-slip-number={s.slipNumber} className={left ? "row-left-out" : undefined}>
                  <td className="col-check">
                    {selectable(s) && (
                      <input
                        type="checkbox"
                        aria-label={`出荷 ${s.slipNumber} を選択`}
                        checked={selected.has(s.id)}
                        onChange={(e) => toggle([s.id], e.target.checked)}
                      />
                    )}
                  </td>
                  <td>
                    <code>{s.slipNumber}</code>
                  </td>
                  <td>
                    <Link to={`/orders/${s.orderId}`} className="order-link">
                      {s.mallOrderNumber}
                    </Link>
                  </td>
                  <td className="col-optional">{s.shopName}</td>
                  <td>{s.shipToName}</td>
                  <td>{s.warehouseName}</td>
                  <td className="col-status">
                    <StatusBadge status={s.status} label={s.statusLabel} />
                  </td>
                  <td className="nowrap">
                    {s.shippedOn
                      ? `${day(s.shippedOn)} 出荷`
                      : s.plannedShipDate
                        ? day(s.plannedShipDate)
                        : "—"}
                  </td>
                  <td>
                    <ServicePicker
                      shipment={s}
                      busy={busy === s.id}
                      onPick={(service) => void act(s, "service", service)}
                    />
                  </td>
                  <td>
                    <ParcelLinks parcels={s.parcels} />
                  </td>
                  <td>
                    {left ? (
                      <span className="left-out-reason">
                        送り状CSVから除外: {left.problems.map((p) => p.message).join(" / ")}
                      </span>
                    ) : (
                      (s.unshippableReason ?? <span className="muted">—</span>)
                    )}
                  </td>
                  <td className="nowrap">
                    {canAct && canWithdraw(s) && (
                      <button
                        type="button"
                        className="button button-danger-quiet"
                        disabled={busy === s.id}
                        onClick={() => void act(s, "withdraw")}
                      >
                        取下げ
                      </button>
                    )}
                    {canAct && canRequest(s) && (
                      <button
                        type="button"
                        className="button"
                        disabled={busy === s.id}
                        onClick={() => void act(s, "request")}
                      >
                        再依頼
                      </button>
                    )}
                    {canRead && (
                      <button
                        type="button"
                        className="button"
                        disabled={busy === s.id}
                        onClick={() => void act(s, "note")}
                      >
                        納品書
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
