import { z } from "zod";
import { shipToProblems } from "./ship-to-check.ts";
import { type SlipSender, senderSchema, type WarehouseSettings } from "./warehouse-settings.ts";

/**
 * 送付元住所 (楽々通販2's 送付元住所自動編集設定): who a shop's parcels say they come from. `warehouse`
 * prints the stock room's ご依頼主 under the shop's name (Juchu's behaviour before the setting);
 * `shop` prints the shop's own 送付元 — name, address and phone — whichever stock room ships.
 */
export const shipFromSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("warehouse") }),
  senderSchema
    .extend({ mode: z.literal("shop") })
    // The carrier and the driver go by both: a postal code of another prefecture is refused here,
    // as it holds an order's ship-to (住所エラー).
    .superRefine((sender, ctx) => {
      for (const p of shipToProblems(sender))
        ctx.addIssue({ code: "custom", path: [p.path], message: p.message });
    }),
]);

export type ShipFrom = z.infer<typeof shipFromSchema>;

export const SHIP_FROM_DEFAULT: ShipFrom = { mode: "warehouse" };

/** A shop saved before the setting existed ships as the warehouse's ご依頼主. */
export function shipFromOf(shopSettings: unknown): ShipFrom {
  const stored = (shopSettings as { shipFrom?: unknown } | null)?.shipFrom;
  const parsed = shipFromSchema.safeParse(stored);
  return parsed.success ? parsed.data : SHIP_FROM_DEFAULT;
}

/**
 * The sender a shop's parcel prints (carrier slips, 納品書): the shop's own 送付元, or the stock room's
 * ご依頼主 under the shop's name. Null when the shop defers to a stock room that has none registered.
 */
export function senderOf(
  shop: { name: string; settings: unknown },
  warehouse: Pick<WarehouseSettings, "sender">,
): SlipSender | null {
  const shipFrom = shipFromOf(shop.settings);
  if (shipFrom.mode === "shop") {
    const { mode: _, ...own } = shipFrom;
    return own;
  }
  return warehouse.sender ? { ...warehouse.sender, name: shop.name } : null;
}
