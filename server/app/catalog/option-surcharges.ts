import { and, asc, eq, sql } from "drizzle-orm";
import { decodeCsvUpload } from "#server/adapters/csv/csv-upload.ts";
import { csvLines, encodeCsvPiece } from "#server/adapters/csv/csv-write.ts";
import { optionSurcharges, shops } from "#server/db/schema.ts";
import {
  readSurchargeRows,
  SURCHARGE_CSV_HEADER,
  type SurchargeRowProblem,
  surchargeHeaderProblem,
} from "#server/domain/option-surcharge-csv.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";
import { recheckHeldTotals } from "../orders/recheck-held-totals.ts";

/** At most this many entries are listed; the CSV carries them all. */
const LIST_CAP = 1000;

async function ownShop(ctx: AppContext, accountId: string, shopId: string) {
  const [shop] = await ctx.db
    .select({ id: shops.id })
    .from(shops)
    .where(and(eq(shops.id, shopId), eq(shops.accountId, accountId)));
  if (!shop) throw notFound("shop", "ショップ");
}

const entriesOf = (ctx: AppContext, shopId: string, limit?: number) => {
  const query = ctx.db
    .select({
      mallItemCode: optionSurcharges.mallItemCode,
      name: optionSurcharges.optionName,
      choice: optionSurcharges.choice,
      amount: optionSurcharges.amount,
    })
    .from(optionSurcharges)
    .where(eq(optionSurcharges.shopId, shopId))
    .orderBy(
      asc(optionSurcharges.mallItemCode),
      asc(optionSurcharges.optionName),
      asc(optionSurcharges.choice),
    );
  return limit === undefined ? query : query.limit(limit);
};

/** オプション金額表 of a shop, as the screen lists it. */
export async function listOptionSurcharges(ctx: AppContext, accountId: string, shopId: string) {
  await ownShop(ctx, accountId, shopId);
  const items = await entriesOf(ctx, shopId, LIST_CAP + 1);
  return { items: items.slice(0, LIST_CAP), truncated: items.length > LIST_CAP };
}

/** The whole table as Shift_JIS CSV (Excel's), with the header the upload reads. */
export async function optionSurchargeCsv(ctx: AppContext, accountId: string, shopId: string) {
  await ownShop(ctx, accountId, shopId);
  const rows = (await entriesOf(ctx, shopId)).map((e) => [
    e.mallItemCode,
    e.name,
    e.choice,
    String(e.amount),
  ]);
  return encodeCsvPiece(csvLines([[...SURCHARGE_CSV_HEADER], ...rows]), "shift_jis", false);
}

export type SurchargeImportRow = {
  line: number;
  outcome: "set" | "removed" | "error";
  /** The column (or 行 for the row as a whole) and the rule it broke. */
  problems: (SurchargeRowProblem | { field: "行"; rule: "columns"; message: string })[];
};

/**
 * オプション金額表 CSV upload (Shift_JIS or UTF-8): each good row added, changed or (金額 empty) removed,
 * each bad one reported with its column and rule, in one transaction; then the shop's orders held
 * for 請求金額不一致 are checked again with the new table.
 */
export async function importOptionSurcharges(
  ctx: AppContext,
  accountId: string,
  shopId: string,
  bytes: Uint8Array,
): Promise<{ rows: SurchargeImportRow[]; set: number; removed: number; failed: number; released: number }> {
  await ownShop(ctx, accountId, shopId);
  let upload: ReturnType<typeof decodeCsvUpload>;
  try {
    upload = decodeCsvUpload(bytes);
  } catch (error) {
    throw new Refusal("validation.failed", "CSVファイルを読めませんでした。", {
      errors: [{ path: "file", message: error instanceof Error ? error.message : String(error) }],
    });
  }
  const headerProblem = surchargeHeaderProblem(upload.header);
  if (headerProblem)
    throw new Refusal("validation.failed", "CSVの見出しが違います。", {
      errors: [{ path: "file", message: headerProblem }],
    });
  const read = readSurchargeRows(upload.records, upload.recordLines);
  const now = ctx.clock.now();
  const sets = read.flatMap((r) => ("set" in r ? [r.set] : []));
  const removes = read.flatMap((r) => ("remove" in r ? [r.remove] : []));
  const released = await ctx.db.transaction(async (tx) => {
    if (sets.length > 0)
      await tx
        .insert(optionSurcharges)
        .values(
          sets.map((e) => ({
            id: ctx.newId(),
            accountId,
            shopId,
            mallItemCode: e.mallItemCode,
            optionName: e.name,
            choice: e.choice,
            amount: e.amount,
          })),
        )
        .onConflictDoUpdate({
          target: [
            optionSurcharges.shopId,
            optionSurcharges.mallItemCode,
            optionSurcharges.optionName,
            optionSurcharges.choice,
          ],
          set: { amount: sql`excluded.amount`, updatedAt: now },
        });
    if (removes.length > 0)
      await tx.delete(optionSurcharges).where(
        and(
          eq(optionSurcharges.shopId, shopId),
          sql`(${optionSurcharges.mallItemCode}, ${optionSurcharges.optionName}, ${optionSurcharges.choice}) in (${sql.join(
            removes.map((r) => sql`(${r.mallItemCode}, ${r.name}, ${r.choice})`),
            sql`, `,
          )})`,
        ),
      );
    return recheckHeldTotals(tx, ctx, shopId, { actor: "system:option-surcharges", now });
  });
  const rows: SurchargeImportRow[] = [
    ...upload.invalidRows.map((r) => ({
      line: r.line,
      outcome: "error" as const,
      problems: [
        {
          field: "行" as const,
          rule: "columns" as const,
          message: `列の数が見出しと違います(${r.fields}列、見出しは${r.expected}列)`,
        },
      ],
    })),
    ...read.map((r) => ({
      line: r.line,
      outcome: "set" in r ? ("set" as const) : "remove" in r ? ("removed" as const) : ("error" as const),
      problems: "problems" in r ? r.problems : [],
    })),
  ].sort((a, b) => a.line - b.line);
  return {
    rows,
    set: sets.length,
    removed: removes.length,
    failed: rows.filter((r) => r.outcome === "error").length,
    released,
  };
}
