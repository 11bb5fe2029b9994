import { toTokyoIso } from "../tokyo-time.ts";

export type InvitationFacts = {
  accountName: string;
  inviteeName: string;
  inviterName: string | null;
  url: string;
  expiresAt: Date;
};

/** 招待メール: who invites whom to which account, the one-time link and until when it works. */
export function invitationMail(facts: InvitationFacts): { subject: string; text: string } {
  const until = toTokyoIso(facts.expiresAt).slice(0, 16).replace("T", " ");
  const by = facts.inviterName ? `${facts.inviterName}さんから、` : "";
  return {
    subject: `【Juchu】${facts.accountName}への招待`,
    text: [
      `${facts.inviteeName} 様`,
      "",
      `${by}受注管理 Juchu の「${facts.accountName}」に招待されました。`,
      "下のリンクを開いてパスワードを設定すると、ログインできるようになります。",
      "",
      facts.url,
      "",
      `このリンクは ${until} まで、1回だけ使えます。`,
      "お心当たりがない場合は、このメールを破棄してください。",
    ].join("\n"),
  };
}
