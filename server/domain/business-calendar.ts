import holidayJp from "@holiday-jp/holiday_jp";
import { z } from "zod";
import { tokyoDate } from "./tokyo-time.ts";

/**
 * 営業日カレンダー of a warehouse: which days it ships, and from it an order's 出荷予定日. Japanese
 * public holidays come from @holiday-jp/holiday_jp (the holiday_jp project's maintained table,
 * including 振替休日 and 国民の休日), never from a list of our own.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日付は 2027-05-06 のように入力してください");

export const businessCalendarSchema = z.object({
  /** 定休日: 0 = 日曜 … 6 = 土曜. */
  closedWeekdays: z
    .array(z.int().min(0, "曜日は0(日)〜6(土)です").max(6, "曜日は0(日)〜6(土)です"))
    .max(7)
    .default([0, 6]),
  /** 祝日を休業日にする. */
  holidaysClosed: z.boolean().default(true),
  /** 臨時休業日 (年末年始, 夏季休業, 棚卸): closed whatever the weekday. */
  closedDates: z
    .array(z.object({ date: day, note: z.string().trim().max(30, "理由は30文字以内です").default("") }))
    .max(400, "臨時休業日は400日までです")
    .default([]),
  /** 臨時営業日: open although a weekday rule or a holiday would close it. */
  openDates: z.array(day).max(400, "臨時営業日は400日までです").default([]),
  /** 出荷までの日数: open days between the day an order counts from and its shipment (0: that day). */
  leadDays: z.int().min(0, "出荷までの日数は0日以上です").max(30, "出荷までの日数は30日までです").default(0),
});

export type BusinessCalendar = z.infer<typeof businessCalendarSchema>;

export function businessCalendarOf(stored: unknown): BusinessCalendar {
  return businessCalendarSchema.parse(stored ?? {});
}

export type ClosedReason = "holiday" | "weekday" | "closed_date";

/** A day as the calendar sees it; `reason` says why it is closed, or that an exception opened it. */
export type CalendarDay = {
  date: string;
  open: boolean;
  reason: ClosedReason | "open_date" | null;
  /** 祝日名 (元日, 振替休日 …) whenever the day is a public holiday, open or not. */
  holidayName: string | null;
  /** The merchant's note of a 臨時休業日. */
  note: string | null;
};

export const CLOSED_REASON_LABELS: Record<ClosedReason | "open_date", string> = {
  holiday: "祝日",
  weekday: "定休日",
  closed_date: "臨時休業",
  open_date: "臨時営業日",
};

const holidays = holidayJp.holidays as Record<string, { name: string } | undefined>;

export function holidayName(date: string): string | null {
  return holidays[date]?.name ?? null;
}

/** 0 = 日曜 … 6 = 土曜 of a calendar date, read as a date (no time zone involved). */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether the warehouse ships on a day, and why not. A 臨時営業日 wins over every closing rule. */
export function calendarDay(calendar: BusinessCalendar, date: string): CalendarDay {
  const name = holidayName(date);
  const closing = calendar.closedDates.find((c) => c.date === date);
  const base = { date, holidayName: name, note: closing?.note || null };
  if (calendar.openDates.includes(date)) return { ...base, open: true, reason: "open_date" };
  if (closing) return { ...base, open: false, reason: "closed_date" };
  if (name && calendar.holidaysClosed) return { ...base, open: false, reason: "holiday" };
  if (calendar.closedWeekdays.includes(weekdayOf(date))) return { ...base, open: false, reason: "weekday" };
  return { ...base, open: true, reason: null };
}

/** Every day from `from` to `to` (both included), for the month view. */
export function calendarDays(calendar: BusinessCalendar, from: string, to: string): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(calendarDay(calendar, d));
  return days;
}

/** Beyond a year without an open day the calendar closes every day: no date is made up. */
const SEARCH_DAYS = 366;

function nextOpenDay(calendar: BusinessCalendar, from: string): string | null {
  for (let i = 0, d = from; i < SEARCH_DAYS; i++, d = addDays(d, 1))
    if (calendarDay(calendar, d).open) return d;
  return null;
}

/** Minutes after Tokyo midnight of a moment. */
function tokyoMinutes(at: Date): number {
  const shifted = new Date(at.getTime() + 9 * 60 * 60 * 1000);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
}

function cutoffMinutes(cutoff: string): number {
  const [h, m] = cutoff.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * 出荷予定日 of an order placed at `orderedAt`: the Tokyo day it was placed, or the next day when it
 * came at or after the 出荷締め時刻 (no cut-off: the whole day counts); the first open day from there;
 * then `leadDays` more open days, and `productLeadDays` more (its products' お届け対応可能日数). Null
 * when the calendar has no open day within a year.
 */
export function plannedShipDate(
  calendar: BusinessCalendar,
  cutoff: string | null,
  orderedAt: Date,
  productLeadDays = 0,
): string | null {
  const placed = tokyoDate(orderedAt);
  const countsFrom =
    cutoff !== null && tokyoMinutes(orderedAt) >= cutoffMinutes(cutoff) ? addDays(placed, 1) : placed;
  let date = nextOpenDay(calendar, countsFrom);
  const lead = calendar.leadDays + productLeadDays;
  for (let i = 0; i < lead && date !== null; i++) date = nextOpenDay(calendar, addDays(date, 1));
  return date;
}
