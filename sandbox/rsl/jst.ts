/**
 * RSL works on Japan time: the 15:30 cut-off, request numbers and ship dates are JST calendar days,
 * and every instant it writes carries `+09:00`. Each function takes the instant explicitly because
 * the sandbox clock is injected.
 */

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** 15:29:59 still counts as today; 15:30:00 is tomorrow's work. */
const CUT_OFF_MINUTE = 15 * 60 + 30;

const shifted = (at: Date) => new Date(at.getTime() + JST_OFFSET_MS);

export function jstDatetime(at: Date): string {
  return `${shifted(at).toISOString().slice(0, 19)}+09:00`;
}

/** `YYYY-MM-DD` of the JST day the instant falls on. */
export function jstDate(at: Date): string {
  return shifted(at).toISOString().slice(0, 10);
}

/** The calendar day `days` after a `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.toISOString().slice(0, 10) === text;
}

/** 当日出荷 for requests received before the cut-off, else the next day. */
export function plannedShipDay(receivedAt: Date): { plannedShipDate: string; sameDay: boolean } {
  const t = shifted(receivedAt);
  const sameDay = t.getUTCHours() * 60 + t.getUTCMinutes() < CUT_OFF_MINUTE;
  const today = jstDate(receivedAt);
  return { plannedShipDate: sameDay ? today : addDays(today, 1), sameDay };
}
