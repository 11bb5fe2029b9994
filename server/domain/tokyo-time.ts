const OFFSET_MS = 9 * 60 * 60 * 1000;

/** ISO 8601 in Asia/Tokyo (+09:00, no daylight saving), as the API and merchants read times. */
export function toTokyoIso(date: Date): string {
  const shifted = new Date(date.getTime() + OFFSET_MS).toISOString();
  return `${shifted.slice(0, -1)}+09:00`;
}

/** The Tokyo calendar date (YYYY-MM-DD) a moment falls on. */
export function tokyoDate(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Tokyo calendar day (YYYY-MM-DD) begins: how a date-only fact such as a ship date is kept. */
export function tokyoMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+09:00`);
}
