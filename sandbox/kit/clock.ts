/**
 * A sandbox's clock: the time it was given (a test's manual clock, or the real one) plus an offset
 * that the control API moves, so a sandbox run on its own (main.ts) can travel in time too.
 */
export type SandboxClock = { now(): Date; clockOffsetMs: number };

/** `now` for a sandbox's state, shifted by the state's own offset (read at every call). */
export function shiftedNow(base: (() => Date) | undefined, offsetMs: () => number): () => Date {
  const clock = base ?? (() => new Date());
  return () => new Date(clock().getTime() + offsetMs());
}

/** Moves the clock by `byMs`, or to the instant `iso` names; work that falls due happens on the next call. */
export function moveClock(clock: SandboxClock, to: { byMs: number } | { iso: string }): void {
  clock.clockOffsetMs += "byMs" in to ? to.byMs : Date.parse(to.iso) - clock.now().getTime();
}
