/**
 * Progress lines for whoever runs Juchu, on stdout, filtered by LOG_LEVEL (info by default, set by
 * server/main.ts; code run in-process by tests and the bench stays quiet). Failures keep going to
 * stderr on their own: they are never filtered away.
 */
const LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
let threshold = LEVELS.indexOf("warn");

export function setLogLevel(level: string): void {
  const index = LEVELS.indexOf(level as (typeof LEVELS)[number]);
  if (index >= 0) threshold = index;
}

export function logInfo(line: string): void {
  if (threshold <= LEVELS.indexOf("info")) console.log(line);
}
