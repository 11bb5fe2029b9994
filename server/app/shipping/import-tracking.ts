import { and, eq, inArray, sql } from "drizzle-orm";
import { decodeCsvUpload } from "#server/adapters/csv/csv-upload.ts";
import { TRACKING_IMPORT_PROFILES } from "#server/carriers/registry.ts";
import {
  readTrackingRows,
  type TrackingImportProfile,
  type TrackingRow,
  validateProfile,
} from "#server/carriers/tracking-import.ts";
import { orders, orderTags, shipments, tags } from "#server/db/schema.ts";
import type { OrderStatus, ShippingStatus } from "#server/domain/order-status.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { tokyoDate } from "#server/domain/tokyo-time.ts";
import { type TrackedShipment, trackingRowDecision } from "#server/domain/tracking-row.ts";
import { warehouseSettingsOf } from "#server/domain/warehouse-settings.ts";
import type { WarehouseResult } from "#server/ports/warehouse.ts";
import type { AppContext } from "../context.ts";
import { recordWarehouseResults } from "./record-warehouse-results.ts";
import { ownStockRoom } from "./stock-room.ts";

/** The shipments behind each slip at this warehouse, with what their orders say now — one query for the file. */
async function parcelsOf(ctx: AppContext, warehouseId: string, slipNumbers: readonly string[]) {
  const rows =
    slipNumbers.length === 0
      ? []
      : await ctx.db
          .select({
            shipment: shipments,
            orderStatus: orders.status,
            systemTags: sql<
              string[]
            >`coalesce(array_agg(${tags.systemCode}) filter (where ${tags.systemCode} is not null), '{}')`,
          })
          .from(shipments)
          .innerJoin(orders, eq(orders.id, shipments.orderId))
          .leftJoin(orderTags, eq(orderTags.orderId, orders.id))
          .leftJoin(tags, eq(tags.id, orderTags.tagId))
          .where(and(eq(shipments.warehouseId, warehouseId), inArray(shipments.slipNumber, [...slipNumbers])))
          .groupBy(shipments.id, orders.status);
  const parcels = new Map<string, (typeof shipments.$inferSelect & TrackedShipment)[]>();
  for (const r of rows) {
    const parcel = parcels.get(r.shipment.slipNumber) ?? [];
    parcel.push({
      ...r.shipment,
      status: r.shipment.status as ShippingStatus,
      orderStatus: r.orderStatus as OrderStatus,
      orderSystemTags: r.systemTags,
    });
    parcels.set(r.shipment.slipNumber, parcel);
  }
  return parcels;
}

export type TrackingImportRow = {
  line: number;
  slipNumber: string | null;
  trackingNumber: string | null;
  outcome: "shipped" | "already_shipped" | "error";
  message: string;
};

/** The built-in profiles and the warehouse's own, the merchant's first. */
export function trackingProfilesOf(settings: unknown): TrackingImportProfile[] {
  return [...warehouseSettingsOf(settings).trackingImportProfiles, ...TRACKING_IMPORT_PROFILES];
}

/**
 * 伝票番号取込: the carrier's export (any profile's header names) marks each listed shipment 出荷済 with
 * its tracking number, through the same path as a 3PL's results, so the order goes on to the mall by
 * itself. Every row gets a line in the report; a bad row never stops the good ones.
 */
export async function importTrackingNumbers(
  ctx: AppContext,
  accountId: string,
  warehouseId: string,
  profileId: string,
  bytes: Uint8Array,
): Promise<{ rows: TrackingImportRow[]; shipped: number; failed: number }> {
  const warehouse = await ownStockRoom(ctx, accountId, warehouseId);
  const profile = trackingProfilesOf(warehouse.settings).find((p) => p.id === profileId);
  if (!profile) {
    throw new Refusal("validation.failed", "取込設定が見つかりません。", {
      errors: [{ path: "profile", message: `取込設定「${profileId}」はありません` }],
    });
  }
  let upload: ReturnType<typeof decodeCsvUpload>;
  try {
    upload = decodeCsvUpload(bytes);
  } catch (error) {
    throw new Refusal("validation.failed", "CSVファイルを読めませんでした。", {
      errors: [{ path: "file", message: error instanceof Error ? error.message : String(error) }],
    });
  }
  const read = readTrackingRows(profile, upload, tokyoDate(ctx.clock.now()));
  if (read.headerErrors.length > 0) {
    throw new Refusal("validation.failed", "CSVの見出しが取込設定と合いません。", {
      errors: read.headerErrors.map((message) => ({ path: "file", message })),
    });
  }
  const report: TrackingImportRow[] = upload.invalidRows.map((r) => ({
    line: r.line,
    slipNumber: null,
    trackingNumber: null,
    outcome: "error",
    message: `列の数が見出しと違います(${r.fields}列、見出しは${r.expected}列)`,
  }));
  // Rows of one slip are the boxes of one shipment (複数口): recorded together, each row reported.
  const boxesBySlip = new Map<string, Extract<TrackingRow, { trackingNumber: string }>[]>();
  for (const row of read.rows) {
    if ("error" in row) {
      report.push({
        line: row.line,
        slipNumber: row.slipNumber ?? null,
        trackingNumber: null,
        outcome: "error",
        message: `${row.error.field}: ${row.error.message}`,
      });
      continue;
    }
    const boxes = boxesBySlip.get(row.slipNumber);
    if (boxes) boxes.push(row);
    else boxesBySlip.set(row.slipNumber, [row]);
  }
  const parcels = await parcelsOf(ctx, warehouseId, [...boxesBySlip.keys()]);
  const results: WarehouseResult[] = [];
  for (const [slipNumber, boxes] of boxesBySlip) {
    const each = (outcome: TrackingImportRow["outcome"], message: (i: number) => string) =>
      report.push(
        ...boxes.map((box, i) => ({
          line: box.line,
          slipNumber,
          trackingNumber: box.trackingNumber,
          outcome,
          message: message(i),
        })),
      );
    const parcel = parcels.get(slipNumber) ?? [];
    const decision = trackingRowDecision(parcel);
    if (decision.outcome !== "ship") {
      each(decision.outcome, () => decision.message);
      continue;
    }
    const [shipment] = parcel as [(typeof parcel)[number]];
    const [first] = boxes as [(typeof boxes)[number]];
    results.push({
      warehouseReference: shipment.warehouseReference ?? shipment.slipNumber,
      slipNumber: shipment.slipNumber,
      outcome: "shipped",
      shippedOn: first.shippedOn,
      parcels: boxes.map((box) => ({ carrier: box.carrier, trackingNumber: box.trackingNumber })),
    });
    each("shipped", (i) =>
      boxes.length === 1 ? "出荷済にしました" : `出荷済にしました(${boxes.length}個口の${i + 1}個目)`,
    );
  }
  // The file's slips as the warehouse's results are: together, a few statements whatever its length.
  await recordWarehouseResults(ctx, warehouseId, results);
  report.sort((a, b) => a.line - b.line);
  return {
    rows: report,
    shipped: results.length,
    failed: report.filter((r) => r.outcome === "error").length,
  };
}

/** A merchant's own header mapping, checked before it is kept with the warehouse. */
export function checkedProfile(input: Record<string, unknown>): TrackingImportProfile {
  const profile = validateProfile(input);
  if (profile instanceof Refusal) throw profile;
  if (TRACKING_IMPORT_PROFILES.some((p) => p.id === profile.id)) {
    throw new Refusal("tracking_import.invalid_profile", "標準の取込設定と同じIDは使えません。", {
      errors: [{ path: "id", message: "別のIDにしてください" }],
    });
  }
  return profile;
}
