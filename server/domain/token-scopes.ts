import { allows, type Permission, permissionLabel } from "./access.ts";
import { Refusal } from "./refusal.ts";

/**
 * A token can do no more than the person who makes it: otherwise a スタッフ could mint a token that
 * changes users or settings and act through it.
 */
export function scopeRefusal(held: ReadonlySet<Permission>, scopes: readonly Permission[]): Refusal | null {
  const errors = scopes.flatMap((scope, i) =>
    allows(held, scope)
      ? []
      : [{ path: `scopes.${i}`, message: `「${permissionLabel(scope)}」(${scope})の権限がありません` }],
  );
  const first = scopes.find((scope) => !allows(held, scope));
  if (!first) return null;
  return new Refusal(
    "token.scope_not_held",
    `「${permissionLabel(first)}」(${first})はあなた自身の権限にないため、APIトークンに付けられません。`,
    { rule: first, errors },
  );
}
