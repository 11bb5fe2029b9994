import { and, asc, eq, inArray } from "drizzle-orm";
import { decodeCsvUpload } from "#server/adapters/csv/csv-upload.ts";
import { fitCharset } from "#server/carriers/charset.ts";
import { encodeCarrierCsv } from "#server/carriers/csv-encoding.ts";
import type { Db } from "#server/db/database.ts";
import { updateJsonRows } from "#server/db/orders/json-rows.ts";
import { products, warehouses } from "#server/db/schema.ts";
import type { Carrier } from "#server/domain/carrier.ts";
import type { DeliveryConditions, TimeSlot } from "#server/domain/delivery-conditions.ts";
import {
  type CsvProblem,
  DELIVERY_CONDITIONS_HEADER,
  deliveryConditionsCsvRow,
  readDeliveryConditionsCsv,
} from "#server/domain/delivery-conditions-csv.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";

const conditionColumns = {
  warehouseId: products.warehouseId,
  carrier: products.carrier,
  leadDays: products.leadDays,
  timeSlots: products.timeSlots,
};

const asConditions = <T extends { carrier: string | null; timeSlots: string[] | null }>(r: T) => ({
  ...r,
  carrier: r.carrier as Carrier | null,
  timeSlots: r.timeSlots as TimeSlot[] | null,
});

export async function productDeliveryConditions(
  db: Db,
  accountId: string,
  productId: string,
): Promise<DeliveryConditions> {
  const [row] = await db
    .select(conditionColumns)
    .from(products)
    .where(and(eq(products.id, productId), eq(products.accountId, accountId)));
  if (!row) throw notFound("product", "商品");
  return asConditions(row);
}

/** A 物流会社 must be one of the account's own warehouses: another account's id is refused as unknown. */
async function checkWarehouse(db: Db, accountId: string, warehouseId: string | null): Promise<void> {
  if (warehouseId === null) return;
  const [w] = await db
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(and(eq(warehouses.id, warehouseId), eq(warehouses.accountId, accountId)));
  if (!w)
    throw new Refusal("delivery_conditions.unknown_warehouse", "物流会社に指定した倉庫がありません。", {
      errors: [{ path: "warehouseId", message: "この倉庫はありません", rule: "unknown_warehouse" }],
    });
}

/** 配送条件 of one product; orders registered from now on follow it (open ones keep what they took). */
export async function setDeliveryConditions(
  ctx: AppContext,
  accountId: string,
  productId: string,
  conditions: DeliveryConditions,
): Promise<DeliveryConditions> {
  return ctx.db.transaction(async (tx) => {
    // Another account's product is 404 whatever the body says: it is looked for before the warehouse.
    const mine = and(eq(products.id, productId), eq(products.accountId, accountId));
    const [found] = await tx.select({ id: products.id }).from(products).where(mine).for("update");
    if (!found) throw notFound("product", "商品");
    await checkWarehouse(tx, accountId, conditions.warehouseId);
    const [row] = await tx.update(products).set(conditions).where(mine).returning(conditionColumns);
    if (!row) throw notFound("product", "商品");
    return asConditions(row);
  });
}

async function accountWarehouseNames(db: Db, accountId: string) {
  return db
    .select({ id: warehouses.id, name: warehouses.name })
    .from(warehouses)
    .where(eq(warehouses.accountId, accountId))
    .orderBy(asc(warehouses.createdAt));
}

/**
 * 配送条件 of every product as a Shift_JIS CSV, SKU order, for Excel. Names Shift_JIS cannot hold are
 * written with their usual substitutes (charset.ts), never as "?".
 */
export async function exportDeliveryConditions(db: Db, accountId: string): Promise<Buffer> {
  const rows = await db
    .select({ sku: products.sku, name: products.name, ...conditionColumns })
    .from(products)
    .where(eq(products.accountId, accountId))
    .orderBy(asc(products.sku));
  const names = new Map((await accountWarehouseNames(db, accountId)).map((w) => [w.id, w.name]));
  const cells = rows.map((r) =>
    deliveryConditionsCsvRow(asConditions(r), (id) => names.get(id) ?? "").map(
      (cell) => fitCharset(cell, "cp932").text,
    ),
  );
  return encodeCarrierCsv(DELIVERY_CONDITIONS_HEADER, cells);
}

/**
 * 配送条件の一括編集. The whole file is checked first and written only when every row is right, in one
 * transaction (a statement per distinct set of columns): a bulk edit is usually one decision (「冷凍品は
 * 大阪倉庫から」), and applying half of it would leave orders taking the old conditions for the rows
 * that failed, with the merchant left to work out which. The report names every bad row at once.
 */
export async function importDeliveryConditions(
  ctx: AppContext,
  accountId: string,
  bytes: Uint8Array,
): Promise<{ updated: number }> {
  let upload: ReturnType<typeof decodeCsvUpload>;
  try {
    upload = decodeCsvUpload(bytes);
  } catch (error) {
    throw new Refusal("csv_import.empty", (error as Error).message);
  }
  const skus = upload.records.map((r) => (r[upload.header.indexOf("SKU")] ?? "").trim());
  const known = await ctx.db
    .select({ id: products.id, sku: products.sku })
    .from(products)
    .where(and(eq(products.accountId, accountId), inArray(products.sku, skus.length ? skus : [""])));
  const idsOf = new Map<string, string[]>();
  for (const w of await accountWarehouseNames(ctx.db, accountId))
    idsOf.set(w.name.normalize("NFKC").trim(), [...(idsOf.get(w.name.normalize("NFKC").trim()) ?? []), w.id]);
  const { updates, problems } = readDeliveryConditionsCsv(upload, {
    productIdOf: new Map(known.map((p) => [p.sku, p.id])),
    warehouseIdsOf: idsOf,
  });
  const rowProblems: CsvProblem[] = upload.invalidRows.map((r) => ({
    line: r.line,
    field: "行",
    rule: "column_count",
    message: `列の数が${r.fields}です(見出しは${r.expected}列)`,
  }));
  const all = [...rowProblems, ...problems].sort((a, b) => a.line - b.line);
  if (all.length > 0)
    throw new Refusal(
      "delivery_conditions.csv_refused",
      `${new Set(all.map((p) => p.line)).size}行に誤りがあるため、どの行も取り込んでいません。直してからもう一度取り込んでください。`,
      {
        rule: "all_rows_valid",
        errors: all.map((p) => ({ path: `${p.line}行目.${p.field}`, message: p.message, rule: p.rule })),
      },
    );
  await ctx.db.transaction(async (tx) => {
    const rows = updates.map(({ productId, ...c }) => ({ id: productId, ...c }));
    for (const statement of updateJsonRows(products, rows)) await tx.execute(statement);
  });
  return { updated: updates.length };
}
