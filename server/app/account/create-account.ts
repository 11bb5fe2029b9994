import { and, isNull, sql } from "drizzle-orm";
import { accounts, apiTokens, tags, users, warehouses } from "#server/db/schema.ts";
import { ALL_PERMISSIONS } from "#server/domain/access.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { SYSTEM_TAGS } from "#server/domain/system-tags.ts";
import { hashPassword, newApiToken } from "../channels/credentials.ts";
import type { AppContext } from "../context.ts";

export type NewAccount = { name: string; email: string; password: string };

/**
 * A merchant's account with its first user, an API token (returned once, stored hashed), the own
 * stock room as first warehouse, and the system tags the order flow sets.
 */
export async function createAccount(
  ctx: Pick<AppContext, "db" | "newId">,
  input: NewAccount,
): Promise<{ accountId: string; userId: string; apiToken: string }> {
  const passwordHash = await hashPassword(input.password);
  const accountId = ctx.newId();
  const userId = ctx.newId();
  const { token, hash } = newApiToken();
  await ctx.db.transaction(async (tx) => {
    const taken = await tx
      .select({ id: users.id })
      .from(users)
      // A removed user's e-mail is free again, as the unique index has it.
      .where(and(sql`lower(${users.email}) = lower(${input.email})`, isNull(users.removedAt)));
    if (taken.length > 0) {
      throw new Refusal("account.email_taken", `メールアドレス ${input.email} はすでに登録されています。`, {
        errors: [{ path: "email", message: "すでに登録されているメールアドレスです" }],
      });
    }
    await tx.insert(accounts).values({ id: accountId, name: input.name });
    await tx.insert(users).values({ id: userId, accountId, email: input.email, passwordHash });
    await tx.insert(apiTokens).values({
      id: ctx.newId(),
      accountId,
      userId,
      name: "初期APIトークン",
      tokenHash: hash,
      scopes: [...ALL_PERMISSIONS],
    });
    await tx.insert(warehouses).values({ id: ctx.newId(), accountId, name: "自社倉庫", kind: "self" });
    await tx.insert(tags).values(
      Object.entries(SYSTEM_TAGS).map(([code, t]) => ({
        id: ctx.newId(),
        accountId,
        kind: "system",
        systemCode: code,
        name: t.name,
        color: t.color,
        hold: t.hold,
      })),
    );
  });
  return { accountId, userId, apiToken: token };
}
