/**
 * RMS speaks Japan time only. Responses carry `2019-04-06T22:20:28+0900` (no colon in the offset),
 * the inventory API carries `+09:00`, order numbers carry the JST calendar day. Every function here
 * takes the instant explicitly: the sandbox clock is injected, never read from Date.now().
 */

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function jstFields(date: Date) {
  const t = new Date(date.getTime() + JST_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    weekday: t.getUTCDay(),
  };
}

function jstStamp(date: Date): string {
  const f = jstFields(date);
  return `${f.year}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
}

/** The order API's own spelling: `YYYY-MM-DDThh:mm:ss+0900`. */
export function rmsDatetime(date: Date | null): string | null {
  return date === null ? null : `${jstStamp(date)}+0900`;
}

/** The inventory and inquiry APIs spell the offset with a colon: `YYYY-MM-DDThh:mm:ss+09:00`. */
export function colonOffsetDatetime(date: Date): string {
  return `${jstStamp(date)}+09:00`;
}

/** `YYYY-MM-DD` of the Japanese calendar day the instant falls on. */
export function jstDate(date: Date): string {
  const f = jstFields(date);
  return `${f.year}-${pad(f.month)}-${pad(f.day)}`;
}

/** `YYYYMMDD`, the middle part of an order number. */
export function jstCompactDate(date: Date): string {
  return jstDate(date).replaceAll("-", "");
}

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"] as const;

/** 曜日 of a `YYYY-MM-DD` calendar date, as the buyer's remarks show it. */
export function weekdayOf(dateText: string): string {
  return WEEKDAYS[new Date(`${dateText}T00:00:00Z`).getUTCDay()] ?? "";
}

function validCalendar(year: number, month: number, day: number): boolean {
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
}

/** A real `YYYY-MM-DD` date (2018-02-30 and 2018/01/25 are not). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && validCalendar(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The first instant of a JST calendar date. */
export function jstStartOfDay(dateText: string): Date {
  return new Date(Date.parse(`${dateText}T00:00:00+09:00`));
}

const REQUEST_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\+0900$/;
const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** The fields of a Japan-time datetime that `pattern` matched, as an instant; null for 02-30 or 25:00. */
function jstDatetime(text: string, pattern: RegExp): Date | null {
  const m = pattern.exec(text);
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!validCalendar(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - JST_OFFSET_MS);
}

/**
 * A request datetime as RMS takes it: JST only, spelt `+0900` as the doc samples are. `+09:00`
 * (which live searchOrder refused with SEARCH_ORDER_ERROR_011, 2026-06), UTC, `Z` or a missing
 * offset are refused like the real API refuses them (書式が不正).
 */
export const parseRmsDatetime = (text: string): Date | null => jstDatetime(text, REQUEST_DATETIME);

/** The inquiry API's request datetimes: `yyyy-MM-ddTHH:mm:ss`, no offset, meant as JST (its doc). */
export const parseJstLocalDatetime = (text: string): Date | null => jstDatetime(text, LOCAL_DATETIME);
