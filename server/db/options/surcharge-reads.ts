import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { optionSurcharges } from "#server/db/schema.ts";
import { type SurchargeEntry, surchargeTable } from "#server/domain/option-amounts.ts";

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

/**
 * The shop's オプション金額表 for a batch's lines, read only when one of their options' words carries no
 * amount: most orders have no options at all.
 */
export async function surchargesFor(
  tx: Db,
  shopId: string,
  lines: readonly { mallItemCode: string; options?: readonly { amount: number | null }[] | undefined }[],
): Promise<ReadonlyMap<string, number>> {
  const wanting = lines.filter((l) => l.options?.some((o) => o.amount === null));
  if (wanting.length === 0) return new Map();
  return surchargeTable(
    await surchargeEntries(
      tx,
      shopId,
      wanting.map((l) => l.mallItemCode),
    ),
  );
}
