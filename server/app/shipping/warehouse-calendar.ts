import { and, eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { warehouses } from "#server/db/schema.ts";
import { addDays, type CalendarDay, calendarDays } from "#server/domain/business-calendar.ts";
import {
  DELIVERY_AREA_CODES,
  DELIVERY_AREAS,
  defaultDeliveryDays,
} from "#server/domain/delivery-lead-days.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { type WarehouseCalendar, warehouseCalendarSchema } from "#server/domain/warehouse-calendar.ts";
import { warehouseSettingsSchema } from "#server/domain/warehouse-settings.ts";
import type { AppContext } from "../context.ts";
import { shipOriginOf } from "./ship-schedule.ts";

/** A warehouse's カレンダー as its settings screen shows it: the rules, the cut-off, each area's days. */
export type CalendarView = WarehouseCalendar & {
  cutoff: string | null;
  /** ご依頼主's prefecture, where the default days on the road count from (null: 本州 assumed). */
  originPrefecture: string | null;
  areas: { code: string; label: string; days: number; defaultDays: number }[];
};

async function warehouseRow(db: Db, accountId: string, warehouseId: string, lock = false) {
  const query = db
    .select()
    .from(warehouses)
    .where(and(eq(warehouses.id, warehouseId), eq(warehouses.accountId, accountId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("warehouse", "倉庫");
  return row;
}

function view(row: { calendar: unknown; settings: unknown }): CalendarView {
  const { calendar, cutoff, prefecture } = shipOriginOf(row);
  const defaults = defaultDeliveryDays(prefecture);
  return {
    ...calendar,
    cutoff,
    originPrefecture: prefecture,
    areas: DELIVERY_AREA_CODES.map((code) => ({
      code,
      label: DELIVERY_AREAS[code].label,
      days: calendar.deliveryDays[code] ?? defaults[code],
      defaultDays: defaults[code],
    })),
  };
}

export async function warehouseCalendar(ctx: AppContext, accountId: string, warehouseId: string) {
  return view(await warehouseRow(ctx.db, accountId, warehouseId));
}

const cutoffSchema = warehouseSettingsSchema.shape.shippingCutoff;

/**
 * カレンダー設定の保存: the calendar replaced whole, the 出荷締め時刻 kept where the warehouse's other
 * settings read it; the open shipments' dates are recomputed by a job enqueued in the same transaction.
 */
export async function saveWarehouseCalendar(
  ctx: AppContext,
  accountId: string,
  warehouseId: string,
  input: Record<string, unknown> & { cutoff?: string | null | undefined },
): Promise<CalendarView> {
  const { cutoff, ...rules } = input;
  const parsed = warehouseCalendarSchema.safeParse(rules);
  const cut = cutoffSchema.safeParse(cutoff ?? undefined);
  const errors = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }))),
    ...(cut.success ? [] : cut.error.issues.map((i) => ({ path: "cutoff", message: i.message }))),
  ];
  if (!parsed.success || !cut.success)
    throw new Refusal("validation.failed", "カレンダーの設定に誤りがあります。", { errors });
  return ctx.db.transaction(async (tx) => {
    const row = await warehouseRow(tx, accountId, warehouseId, true);
    const { shippingCutoff: _dropped, ...settings } = row.settings as Record<string, unknown>;
    const next = {
      calendar: parsed.data,
      settings: cut.data ? { ...settings, shippingCutoff: cut.data } : settings,
    };
    await tx.update(warehouses).set(next).where(eq(warehouses.id, warehouseId));
    await ctx.jobs.enqueue(tx, "ship-dates-recompute", { warehouseId }, { singletonKey: warehouseId });
    return view(next);
  });
}

/** The longest stretch the day preview answers: a year, the month view's furthest look ahead. */
export const MAX_PREVIEW_DAYS = 366;

/** Each day from `from` to `to`: open or closed, and why (祝日名, 定休日, 臨時休業). */
export async function warehouseCalendarDays(
  ctx: AppContext,
  accountId: string,
  warehouseId: string,
  from: string,
  to: string,
): Promise<CalendarDay[]> {
  if (to < from)
    throw new Refusal("validation.failed", "期間の終わりが始まりより前です。", {
      errors: [{ path: "to", message: "to は from 以降の日付です" }],
    });
  if (addDays(from, MAX_PREVIEW_DAYS - 1) < to)
    throw new Refusal("validation.failed", "期間が長すぎます。", {
      errors: [{ path: "to", message: `一度に表示できるのは${MAX_PREVIEW_DAYS}日までです` }],
    });
  const row = await warehouseRow(ctx.db, accountId, warehouseId);
  return calendarDays(shipOriginOf(row).calendar, from, to);
}
