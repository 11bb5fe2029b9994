import { and, isNull, sql } from "drizzle-orm";
import { isUniqueViolation } from "#server/db/errors.ts";
import { users } from "#server/db/schema.ts";
import type { Role } from "#server/domain/access.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { Actor, AppContext } from "../context.ts";
import { type IssuedInvitation, invitationUrl, issueInvitation, mailInvitation } from "./invitation-link.ts";

export type NewUser = { email: string; name: string; role: Role };

// One e-mail logs in to one account: the log-in form asks for nothing else.
const emailTaken = (email: string) =>
  new Refusal("user.email_taken", `メールアドレス ${email} はすでに使われています。`, {
    errors: [{ path: "email", message: "すでに登録されているメールアドレスです" }],
  });

/** ユーザーの招待: the user exists at once as 招待中, with a one-time link to set their password. */
export async function inviteUser(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  input: NewUser,
  linkBase: string,
): Promise<IssuedInvitation> {
  const userId = ctx.newId();
  let issued: { token: string; expiresAt: Date };
  try {
    issued = await ctx.db.transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(sql`lower(${users.email}) = lower(${input.email})`, isNull(users.removedAt)));
      if (taken) throw emailTaken(input.email);
      await tx.insert(users).values({
        id: userId,
        accountId,
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: null,
        createdAt: ctx.clock.now(),
      });
      return issueInvitation(tx, ctx, actor, accountId, userId);
    });
  } catch (error) {
    // Two invitations of one address racing: the index decides, the loser hears the same refusal.
    if (isUniqueViolation(error, "users_email_key")) throw emailTaken(input.email);
    throw error;
  }
  const url = invitationUrl(linkBase, issued.token);
  const mail = await mailInvitation(ctx, actor, accountId, { userId, url, expiresAt: issued.expiresAt });
  return { userId, url, expiresAt: issued.expiresAt, ...mail };
}
