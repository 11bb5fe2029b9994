import { toTokyoIso } from "#server/domain/tokyo-time.ts";

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether year-month-day names a real day (no 02-30). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * RMS datetimes: responses write `2019-04-06T22:20:28+0900` (no colon in the offset) while the
 * documentation describes `+09:00`; both are read. A missing offset means Tokyo time, the only zone
 * RMS speaks. Returns null for anything else, including impossible dates such as 02-30.
 */
export function parseRakutenDatetime(text: string): Date | null {
  const m = DATETIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction = "", zone = "+09:00"] = m;
  if (!isCalendarDate(Number(y), Number(mo), Number(d))) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const offset = zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** RMS dates (`2019-04-08`): the same text back when it is a real calendar date, else null. */
export function parseRakutenDate(text: string): string | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  return isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? m[0] : null;
}

/** RMS wants request datetimes as its samples write them: Tokyo time, offset without a colon. */
export function toRmsDatetime(date: Date): string {
  return `${toTokyoIso(date).slice(0, 19)}+0900`;
}

/** 問い合わせ管理API wants request datetimes in Tokyo time without an offset: `2025-06-10T10:00:00`. */
export function toRmsLocalDatetime(date: Date): string {
  return toTokyoIso(date).slice(0, 19);
}
