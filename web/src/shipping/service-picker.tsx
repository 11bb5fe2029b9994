import type { ShipmentRow } from "../api/types.ts";
import { useCan } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";

/** A parcel that has left, or never will, keeps the service its slip was made with. */
const settled = (s: ShipmentRow) => s.status === "shipped" || s.status === "cancelled";

/**
 * 配送サービス of one shipment for its next 送り状: the products' default, or one chosen for this
 * shipment alone (ネコポス for a small one, 着払い …).
 */
export function ServicePicker({
  shipment,
  busy,
  onPick,
}: {
  shipment: ShipmentRow;
  busy: boolean;
  onPick: (service: string | null) => void;
}) {
  const { shippingServices } = useReference().vocabulary;
  const chosen = shippingServices.find((s) => s.code === shipment.shippingService);
  const canWrite = useCan("shipping:write");
  if (settled(shipment) || !canWrite) return <span className="muted">{chosen?.label ?? "商品の既定"}</span>;
  return (
    <select
      aria-label={`出荷 ${shipment.slipNumber} の配送サービス`}
      value={shipment.shippingService ?? ""}
      disabled={busy}
      onChange={(e) => onPick(e.target.value || null)}
    >
      <option value="">商品の既定</option>
      {shippingServices.map((s) => (
        <option key={s.code} value={s.code}>
          {s.label}
        </option>
      ))}
    </select>
  );
}
