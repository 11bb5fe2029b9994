/**
 * The name behind a history entry's actor, as one scalar SQL expression over `actor` (a column or
 * alias) within the account `accountId`: the user's name (else e-mail) for `user:<id>`, the token's
 * name for `token:<id>`, null for `system…`. The CASE keeps the uuid cast away from other actors
 * (join and where conditions have no evaluation order).
 */
export function actorNameSql(actor: string, accountId: string): string {
  const idOf = (prefix: string) =>
    `case when ${actor} ~ '^${prefix}:[0-9a-f-]{36}$' then substr(${actor}, ${prefix.length + 2})::uuid end`;
  return `coalesce(
    (select coalesce(nullif(u.name, ''), u.email) from users u where u.id = ${idOf("user")} and u.account_id = ${accountId}),
    (select t.name from api_tokens t where t.id = ${idOf("token")} and t.account_id = ${accountId}))`;
}
