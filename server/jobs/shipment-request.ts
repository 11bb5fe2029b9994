import type { AppContext } from "#server/app/context.ts";
import { sendShipmentRequest } from "#server/app/request-shipment.ts";

/** The shop's request delay (出荷依頼までの待ち時間) is over, or a person asked to send now. */
export async function handleShipmentRequest(ctx: AppContext, data: { shipmentId: string }): Promise<void> {
  await sendShipmentRequest(ctx, data.shipmentId);
}
