import { Refusal } from "#server/domain/refusal.ts";

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 10;

/**
 * Failed log-ins per email, in this process's memory: enough to stop password guessing through one
 * server; scrypt already makes each guess cost ~0.1 s. Several web processes each keep their own count.
 */
export function loginThrottle() {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
  return {
    check(email: string, now: Date): void {
      const times = recent(email.toLowerCase(), now.getTime());
      if (times.length >= MAX_FAILURES) {
        const waitMinutes = Math.ceil((WINDOW_MS - (now.getTime() - (times[0] ?? 0))) / 60_000);
        throw new Refusal(
          "auth.too_many_attempts",
          `ログインの失敗が続いたため、このメールアドレスでのログインを一時停止しています。${waitMinutes}分後にお試しください。`,
        );
      }
    },
    failed(email: string, now: Date): void {
      const key = email.toLowerCase();
      failures.set(key, [...recent(key, now.getTime()), now.getTime()]);
      // Guessing over many addresses must not grow the map without bound.
      if (failures.size > 10_000) {
        for (const k of failures.keys()) if (recent(k, now.getTime()).length === 0) failures.delete(k);
      }
    },
    succeeded(email: string): void {
      failures.delete(email.toLowerCase());
    },
  };
}
