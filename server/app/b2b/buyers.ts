import { randomBytes } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { isUniqueViolation } from "#server/db/errors.ts";
import { buyerInvitations, buyerSessions, buyerUsers } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { INVITATION_DAYS, userStatus } from "#server/domain/users.ts";
import { hashApiToken } from "../channels/credentials.ts";
import type { Actor, AppContext } from "../context.ts";
import { companyOf } from "./companies.ts";

export type BuyerUser = typeof buyerUsers.$inferSelect;

/** Where the buyer portal opens an invitation; the API behind it is /api/buyer/invitations/{token}. */
export const buyerInvitationUrl = (linkBase: string, token: string) =>
  `${linkBase.replace(/\/+$/, "")}/buyer/invitations/${token}`;

// One log-in form serves every merchant's buyers, so an e-mail names one live buyer in the whole install.
const emailTaken = (email: string) =>
  new Refusal("b2b.buyer_email_taken", `メールアドレス ${email} はすでに発注者として登録されています。`, {
    errors: [{ path: "email", message: "すでに登録されているメールアドレスです" }],
  });

export async function listBuyers(db: Db, accountId: string, companyId: string) {
  await companyOf(db, accountId, companyId);
  const rows = await db
    .select()
    .from(buyerUsers)
    .where(and(eq(buyerUsers.companyId, companyId), eq(buyerUsers.accountId, accountId)))
    .orderBy(asc(buyerUsers.createdAt));
  return rows.map((r) => ({ ...r, status: userStatus(r) }));
}

/** 発注者の招待: the buyer exists at once as 招待中, with a one-time link (7 days) to set a password. */
export async function inviteBuyer(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  companyId: string,
  input: { email: string; name: string },
  linkBase: string,
) {
  await companyOf(ctx.db, accountId, companyId);
  const now = ctx.clock.now();
  const token = `jbi_${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const buyerId = ctx.newId();
  try {
    await ctx.db.transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: buyerUsers.id })
        .from(buyerUsers)
        .where(and(sql`lower(${buyerUsers.email}) = lower(${input.email})`, isNull(buyerUsers.disabledAt)));
      if (taken) throw emailTaken(input.email);
      await tx.insert(buyerUsers).values({ id: buyerId, accountId, companyId, ...input, createdAt: now });
      await tx.insert(buyerInvitations).values({
        id: ctx.newId(),
        accountId,
        buyerUserId: buyerId,
        tokenHash: hashApiToken(token),
        invitedBy: actor.kind === "user" ? actor.userId : null,
        createdAt: now,
        expiresAt,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, "buyer_users_email_key")) throw emailTaken(input.email);
    throw error;
  }
  const [buyer] = await listBuyers(ctx.db, accountId, companyId).then((all) =>
    all.filter((b) => b.id === buyerId),
  );
  if (!buyer) throw new Error("invited buyer vanished");
  return { buyer, invitation: { url: buyerInvitationUrl(linkBase, token), expiresAt, mailed: false } };
}

/** 無効化 ends the buyer's sessions at once; enabling again is refused if the e-mail went to someone else. */
export async function setBuyerDisabled(
  ctx: AppContext,
  accountId: string,
  companyId: string,
  buyerId: string,
  disabled: boolean,
) {
  await companyOf(ctx.db, accountId, companyId);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(buyerUsers)
        .set({ disabledAt: disabled ? sql`coalesce(${buyerUsers.disabledAt}, ${ctx.clock.now()})` : null })
        .where(
          and(
            eq(buyerUsers.id, buyerId),
            eq(buyerUsers.companyId, companyId),
            eq(buyerUsers.accountId, accountId),
          ),
        )
        .returning();
      if (!row) throw notFound("b2b_buyer", "発注者");
      if (disabled) await tx.delete(buyerSessions).where(eq(buyerSessions.buyerUserId, buyerId));
      return { ...row, status: userStatus(row) };
    });
  } catch (error) {
    if (isUniqueViolation(error, "buyer_users_email_key")) {
      throw new Refusal(
        "b2b.buyer_email_taken",
        "このメールアドレスはほかの発注者が使っているため、有効にできません。",
      );
    }
    throw error;
  }
}
