/**
 * The people of an account: who counts as able to log in, how long an invitation stays open, and
 * the one rule that keeps an account from locking itself out (a last owner stays). Pure.
 */
import type { Role } from "./access.ts";
import { Refusal } from "./refusal.ts";

/** An invitation link works for a week; re-issuing one makes a new link and kills the old. */
export const INVITATION_DAYS = 7;

export type UserStatus = "active" | "invited" | "disabled";
export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: "有効",
  invited: "招待中",
  disabled: "無効",
};

/** Disabled wins over invited: a disabled invitee's link no longer works either. */
export function userStatus(user: { passwordHash: string | null; disabledAt: Date | null }): UserStatus {
  if (user.disabledAt) return "disabled";
  return user.passwordHash === null ? "invited" : "active";
}

type Standing = { role: Role; status: UserStatus | "removed" };

/**
 * An owner who can log in must remain: demoting, disabling or removing the last one would leave
 * nobody able to invite, change roles or see the plan, and no screen could undo it.
 */
export function lastOwnerRefusal(
  before: Standing,
  after: Standing,
  otherActiveOwners: number,
): Refusal | null {
  const isActiveOwner = (s: Standing) => s.role === "owner" && s.status === "active";
  if (!isActiveOwner(before) || isActiveOwner(after) || otherActiveOwners > 0) return null;
  return new Refusal(
    "user.last_owner",
    "最後のオーナーは権限の変更・無効化・削除ができません。先にほかのユーザーをオーナーにしてください。",
    { rule: "user.last_owner" },
  );
}
