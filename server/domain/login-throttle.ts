import { Refusal } from "./refusal.ts";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Tries of one client on one e-mail: the one who forgot the password gets ten. */
const PER_CLIENT = 10;
/** Tries of one client over every e-mail: guessing one common password for many (password spraying). */
const PER_ADDRESS = 30;
/** Tries on one e-mail from every client; past it, each client gets only a few, so many clients guessing
 *  together are slowed down while the owner, who has not failed, still logs in. */
const PER_EMAIL = 10;
const PER_CLIENT_UNDER_ATTACK = 3;

/** A count in its window, this attempt included. */
export type AttemptCount = { attempts: number; since: Date };
export type LoginAttempts = { client: AttemptCount; address: AttemptCount; email: AttemptCount };

/** Whether this log-in attempt may check its password: null, or why not and for how long. */
export function loginRefusal(counts: LoginAttempts, now: Date): Refusal | null {
  const over =
    counts.address.attempts > PER_ADDRESS
      ? counts.address
      : counts.client.attempts > PER_CLIENT ||
          (counts.email.attempts > PER_EMAIL && counts.client.attempts > PER_CLIENT_UNDER_ATTACK)
        ? counts.client
        : null;
  if (!over) return null;
  const waitMinutes = Math.max(
    1,
    Math.ceil((over.since.getTime() + LOGIN_WINDOW_MS - now.getTime()) / 60_000),
  );
  return new Refusal(
    "auth.too_many_attempts",
    `ログインの失敗が続いたため、この接続元からのログインを一時停止しています。${waitMinutes}分後にお試しください。`,
  );
}
