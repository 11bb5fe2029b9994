import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { optionSurcharges } from "#server/db/schema.ts";
import type { SurchargeEntry } from "#server/domain/option-amounts.ts";

/**
 * A shop's オプション金額表 entries for the given item codes and the shop-wide ones ('') — one statement
 * for a whole batch of orders.
 */
export async function surchargeEntries(
  tx: Db,
  shopId: string,
  mallItemCodes: readonly string[],
): Promise<SurchargeEntry[]> {
  return tx
    .select({
      mallItemCode: optionSurcharges.mallItemCode,
      name: optionSurcharges.optionName,
      choice: optionSurcharges.choice,
      amount: optionSurcharges.amount,
    })
    .from(optionSurcharges)
    .where(
      and(
        eq(optionSurcharges.shopId, shopId),
        inArray(optionSurcharges.mallItemCode, [...new Set(["", ...mallItemCodes])]),
      ),
    );
}
