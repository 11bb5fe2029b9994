/**
 * Which order dates one poll of a shop searches (SPEC.md §6). Windows overlap the last one, so an
 * order the mall registered a little late is still seen; the cursor only moves once a window is
 * committed, so a failed or killed poll is searched again by the next.
 */
export type ImportSchedule = {
  /** How often a shop is polled (default 3 minutes). */
  intervalMinutes: number;
  /** How far each window reaches back before the cursor. */
  overlapMinutes: number;
  /** The first poll of a shop looks this far back. */
  firstLookbackHours: number;
};

export const DEFAULT_IMPORT_SCHEDULE: ImportSchedule = {
  intervalMinutes: 3,
  overlapMinutes: 5,
  firstLookbackHours: 24,
};

/** RMS searchOrder refuses a window longer than 63 days, or starting more than 730 days back. */
export const MAX_WINDOW_MS = 63 * 24 * 3_600_000;
const MAX_LOOKBACK_MS = 729 * 24 * 3_600_000;

/**
 * `maxWindowMs`: the longest window the API takes (searchOrder 63 days, the inquiry API 31), so a
 * long-idle shop catches up one such window per poll.
 */
export function importWindow(
  cursorAt: Date | null,
  now: Date,
  schedule: ImportSchedule = DEFAULT_IMPORT_SCHEDULE,
  maxWindowMs: number = MAX_WINDOW_MS,
): { from: Date; to: Date } {
  const start = cursorAt
    ? cursorAt.getTime() - schedule.overlapMinutes * 60_000
    : now.getTime() - schedule.firstLookbackHours * 3_600_000;
  const from = Math.max(start, now.getTime() - MAX_LOOKBACK_MS);
  const to = Math.min(now.getTime(), from + maxWindowMs);
  return { from: new Date(from), to: new Date(to) };
}
