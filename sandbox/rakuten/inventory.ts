import { gateway, json, type Reply } from "./http-reply.ts";
import type { RmsCall } from "./rms-call.ts";
import { colonOffsetDatetime } from "./rms-time.ts";
import { type Shop, type StockRecord, stockKey } from "./state.ts";

/**
 * Inventory API 2.0/2.1: the mall's stock per 商品管理番号 × SKU管理番号. bulk-upsert takes up to 400
 * rows, answers 204 with no body, and is limited per shop per second (HTTP 429 beyond). Errors use
 * this API's own body, `{"errors":[{code, message, metadata:{propertyPath}}]}`. The whole request is
 * checked before any row is written. manageNumber is lowercased like RMS does; variantId keeps its case.
 */

const MAX_UPSERT = 400;
const MAX_GET = 1000;
const MAX_QUANTITY = 99_999;
const CODE = /^[a-zA-Z0-9_-]+$/;

type InventoryError = { code: string; message: string; metadata: { propertyPath: string } };
type Row = { manageNumber: string; variantId: string; mode?: "ABSOLUTE" | "RELATIVE"; quantity?: number };

const outOfRange = (propertyPath: string) =>
  problem("IE0003", `quantity must be between 0 and ${MAX_QUANTITY}.`, propertyPath);
const fail = (errors: InventoryError[]): Reply => json(400, { errors });
const problem = (code: string, message: string, propertyPath: string): InventoryError => ({
  code,
  message,
  metadata: { propertyPath },
});

function readCode(value: unknown, field: string, path: string, errors: InventoryError[]): string {
  if (typeof value !== "string" || value === "") {
    errors.push(problem("IE0001", `${field} is required.`, path));
    return "";
  }
  if (Buffer.byteLength(value) > 32) {
    errors.push(problem("IE0004", `Max length of ${field} must be within 32 bytes.`, path));
  } else if (!CODE.test(value))
    errors.push(problem("IE0002", `${field} has an invalid value : ${value}.`, path));
  return value;
}

type Read = { rows: Row[]; errors: InventoryError[] };

function readRows(body: Record<string, unknown>, max: number, withQuantity: boolean): Read {
  const list = body.inventories;
  if (!Array.isArray(list) || list.length === 0 || list.length > max) {
    return {
      rows: [],
      errors: [problem("IE0005", `inventories size must be between 1 and ${max}.`, "inventories")],
    };
  }
  const errors: InventoryError[] = [];
  const rows = list.map((raw: Record<string, unknown> | null, i): Row => {
    const at = (f: string) => `inventories[${i}].${f}`;
    const item = raw !== null && typeof raw === "object" ? raw : {};
    const row: Row = {
      manageNumber: readCode(item.manageNumber, "manageNumber", at("manageNumber"), errors).toLowerCase(),
      variantId: readCode(item.variantId, "variantId", at("variantId"), errors),
    };
    if (!withQuantity) return row;
    if (item.mode !== "ABSOLUTE" && item.mode !== "RELATIVE") {
      errors.push(problem("IE0002", `mode has an invalid value : ${String(item.mode)}.`, at("mode")));
    } else row.mode = item.mode;
    const q = item.quantity;
    const lowest = row.mode === "RELATIVE" ? -MAX_QUANTITY : 0;
    if (typeof q !== "number" || !Number.isInteger(q)) {
      errors.push(problem("IE0002", `quantity has an invalid value : ${String(q)}.`, at("quantity")));
    } else if (q < lowest || q > MAX_QUANTITY) errors.push(outOfRange(at("quantity")));
    else row.quantity = q;
    return row;
  });
  return { rows, errors };
}

/** Accepted calls inside the last second; rejected ones do not count against the shop. */
function overLimit(shop: Shop, perSecond: number, now: number): boolean {
  if (perSecond <= 0) return false;
  shop.recentUpserts = shop.recentUpserts.filter((t) => now - t < 1000);
  if (shop.recentUpserts.length >= perSecond) return true;
  shop.recentUpserts.push(now);
  return false;
}

export function bulkUpsert({ state, shop, body, now }: RmsCall): Reply {
  if (overLimit(shop, state.settings.inventoryUpsertsPerSecond, now.getTime()))
    return gateway.tooManyRequests();
  const { rows, errors } = readRows(body, MAX_UPSERT, true);
  if (errors.length > 0) return fail(errors);
  const planned = new Map<string, number>();
  rows.forEach((row, i) => {
    const key = stockKey(row.manageNumber, row.variantId);
    const current = planned.get(key) ?? shop.stock.get(key)?.quantity;
    const quantity = row.quantity ?? 0;
    const path = `inventories[${i}].quantity`;
    if (row.mode === "RELATIVE" && current === undefined) {
      errors.push(problem("IE0006", "mode must be ABSOLUTE for a new inventory.", `inventories[${i}].mode`));
      return;
    }
    const next = row.mode === "RELATIVE" ? (current ?? 0) + quantity : quantity;
    if (next < 0 || next > MAX_QUANTITY) {
      errors.push(outOfRange(path));
      return;
    }
    planned.set(key, next);
  });
  if (errors.length > 0) return fail(errors);
  for (const [key, quantity] of planned) {
    const [manageNumber = "", variantId = ""] = key.split("\u0000");
    const record = shop.stock.get(key);
    if (record) Object.assign(record, { quantity, updated: now });
    else shop.stock.set(key, { manageNumber, variantId, quantity, created: now, updated: now });
  }
  return { status: 204 };
}

export const presentStock = (s: StockRecord) => ({
  manageNumber: s.manageNumber,
  variantId: s.variantId,
  quantity: s.quantity,
  created: colonOffsetDatetime(s.created),
  updated: colonOffsetDatetime(s.updated),
});

/** bulk-get: the rows the mall has; unknown pairs are simply absent. */
export function bulkGet({ shop, body }: RmsCall): Reply {
  const { rows, errors } = readRows(body, MAX_GET, false);
  if (errors.length > 0) return fail(errors);
  const found = rows.flatMap((row) => {
    const record = shop.stock.get(stockKey(row.manageNumber, row.variantId));
    return record ? [presentStock(record)] : [];
  });
  return json(200, { inventories: found });
}
