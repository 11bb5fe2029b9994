import type { Shipment } from "../api/types.ts";
import { useReference } from "../shell/reference-data.tsx";

/** 配送会社 and お届け対応可能日数 a shipment took from its products' 配送条件 when the order came in. */
export function ShipmentConditions({ shipment }: { shipment: Shipment }) {
  const { carriers } = useReference().vocabulary;
  return (
    <>
      <dt>配送会社</dt>
      <dd>
        {carriers.find((c) => c.code === shipment.deliveryCarrier)?.label ?? "倉庫の既定"}
        {shipment.productLeadDays > 0 && (
          <span className="muted">(お届け対応可能日数 {shipment.productLeadDays}日)</span>
        )}
      </dd>
    </>
  );
}
