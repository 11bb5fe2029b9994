import type { AppContext } from "#server/app/context.ts";
import { sendShipmentRequest } from "#server/app/request-shipment.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** The shop's request delay (出荷依頼までの待ち時間) is over, or a person asked to send now. */
async function handleOne(ctx: AppContext, data: { shipmentId: string }): Promise<void> {
  await sendShipmentRequest(ctx, data.shipmentId);
}

export const handleShipmentRequest: BatchHandler<{ shipmentId: string }> = eachJob(handleOne, 4);
