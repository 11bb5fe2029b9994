import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { accounts, userInvitations, users } from "#server/db/schema.ts";
import { invitationMail } from "#server/domain/mail/invitation.ts";
import { INVITATION_DAYS } from "#server/domain/users.ts";
import { MailError } from "#server/ports/mailer.ts";
import { hashApiToken } from "../channels/credentials.ts";
import type { Actor, AppContext } from "../context.ts";
import { transportFor } from "../mail/send-mail.ts";

/** The link as the invitee gets it: shown once to the inviter, mailed when the account has SMTP. */
export type IssuedInvitation = {
  userId: string;
  url: string;
  expiresAt: Date;
  mailed: boolean;
  /** Why the mail did not go out although SMTP is set (the link still works: pass it on by hand). */
  mailError: string | null;
};

/** Where the admin UI opens an invitation; the API behind it is /api/invitations/{token}. */
export const invitationUrl = (linkBase: string, token: string) =>
  `${linkBase.replace(/\/+$/, "")}/invitations/${token}`;

/**
 * A new one-time link for an invited user; any older link of theirs dies with it. Only the token's
 * SHA-256 is stored, as for sessions and API tokens.
 */
export async function issueInvitation(
  tx: Db,
  ctx: Pick<AppContext, "clock" | "newId">,
  actor: Actor,
  accountId: string,
  userId: string,
): Promise<{ token: string; expiresAt: Date }> {
  const now = ctx.clock.now();
  const token = `jci_${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  await tx.delete(userInvitations).where(eq(userInvitations.userId, userId));
  await tx.insert(userInvitations).values({
    id: ctx.newId(),
    accountId,
    userId,
    tokenHash: hashApiToken(token),
    invitedBy: actor.kind === "user" ? actor.userId : null,
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

/**
 * 招待メール through the account's own SMTP, after the invitation is committed: a mail server that
 * is down costs the mail, never the invitation (the inviter is shown the link either way).
 */
export async function mailInvitation(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  invitation: { userId: string; url: string; expiresAt: Date },
): Promise<{ mailed: boolean; mailError: string | null }> {
  const transport = await transportFor(ctx.db, ctx, accountId, null);
  if (!transport) return { mailed: false, mailError: null };
  const [invitee] = await ctx.db
    .select({ email: users.email, name: users.name, accountName: accounts.name })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.id, invitation.userId));
  if (!invitee) throw new Error(`invited user ${invitation.userId} vanished`);
  const inviter =
    actor.kind === "user"
      ? (
          await ctx.db
            .select({ name: users.name, email: users.email })
            .from(users)
            .where(eq(users.id, actor.userId))
        )[0]
      : undefined;
  const { subject, text } = invitationMail({
    accountName: invitee.accountName,
    inviteeName: invitee.name || invitee.email,
    inviterName: inviter ? inviter.name || inviter.email : null,
    url: invitation.url,
    expiresAt: invitation.expiresAt,
  });
  try {
    await ctx.mailers(transport.settings).send({
      messageId: `<${ctx.newId()}@mail.juchu.example>`,
      from: transport.from,
      to: invitee.email,
      subject,
      text,
    });
    return { mailed: true, mailError: null };
  } catch (error) {
    if (error instanceof MailError) return { mailed: false, mailError: error.message };
    throw error;
  }
}
