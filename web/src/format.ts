/** Money and time as a Japanese merchant reads them: 12,345円 and Tokyo wall-clock time. */
const yenFormat = new Intl.NumberFormat("ja-JP");
const dateTimeFormat = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

const dayFormat = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  weekday: "short",
});

/** null is an amount the mall has not determined yet (送料未確定): shown as such, never as 0円. */
export const yen = (amount: number | null): string =>
  amount === null ? "未確定" : `${yenFormat.format(amount)}円`;
export const count = (n: number): string => yenFormat.format(n);

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return dateTimeFormat.format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD, e.g. お届け希望日) with its weekday: 2026/05/03(日). */
export function day(ymd: string | null | undefined): string {
  if (!ymd) return "—";
  const at = new Date(`${ymd}T00:00:00+09:00`);
  return Number.isNaN(at.getTime()) ? ymd : dayFormat.format(at);
}

/** A from–to time range as its two ends; the end drops its date when both fall on the same Tokyo day. */
export function timeRange(from: string, to: string): [string, string] {
  const start = dateTime(from);
  const end = dateTime(to);
  return [start, start.slice(0, 10) === end.slice(0, 10) ? end.slice(11) : end];
}

/** A date picker's YYYY-MM-DD as the start or end of that day in Tokyo, for the API's range filters. */
export function tokyoDayBoundary(day: string, edge: "start" | "end"): string {
  return edge === "start" ? `${day}T00:00:00+09:00` : `${day}T23:59:59.999+09:00`;
}

/** ISO time → the value of an <input type="datetime-local"> in Tokyo time, and back. */
export function toTokyoLocalInput(iso: string | null): string {
  if (!iso) return "";
  const shifted = new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString();
  return shifted.slice(0, 16);
}

export function fromTokyoLocalInput(value: string): string | null {
  return value ? `${value}:00+09:00` : null;
}
