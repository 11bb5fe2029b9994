import { sendShipmentRequests } from "#server/app/shipping/request-shipment.ts";
import type { BatchHandler } from "./batch.ts";

/** The shop's request delay (出荷依頼までの待ち時間) is over, or a person asked to send now. */
export const handleShipmentRequest: BatchHandler<{ shipmentId: string }> = (ctx, jobs) =>
  sendShipmentRequests(
    ctx,
    jobs.map((j) => j.shipmentId),
  );
