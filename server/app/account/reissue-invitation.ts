import { Refusal } from "#server/domain/refusal.ts";
import type { Actor, AppContext } from "../context.ts";
import { type IssuedInvitation, invitationUrl, issueInvitation, mailInvitation } from "./invitation-link.ts";
import { lockUser } from "./user-lock.ts";

/** 招待の再発行: a new link (the old one stops working), for someone who lost or let the first expire. */
export async function reissueInvitation(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  userId: string,
  linkBase: string,
): Promise<IssuedInvitation> {
  const issued = await ctx.db.transaction(async (tx) => {
    const { target } = await lockUser(tx, accountId, userId);
    if (target.status !== "invited")
      throw new Refusal(
        "user.not_invited",
        target.status === "active"
          ? "このユーザーはすでにパスワードを設定しています。"
          : "無効にしたユーザーには招待を送れません。先に有効にしてください。",
        { rule: `user.${target.status}` },
      );
    return issueInvitation(tx, ctx, actor, accountId, userId);
  });
  const url = invitationUrl(linkBase, issued.token);
  const mail = await mailInvitation(ctx, actor, accountId, { userId, url, expiresAt: issued.expiresAt });
  return { userId, url, expiresAt: issued.expiresAt, ...mail };
}
