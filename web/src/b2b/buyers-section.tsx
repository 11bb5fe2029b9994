import { type FormEvent, useState } from "react";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { dateTime } from "../format.ts";
import { Can } from "../session/can.tsx";
import { Field } from "../ui/field.tsx";
import { CopyButton } from "../ui/shown-once.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import type { BuyerInvitation, BuyerUser, List } from "./types.ts";
import { useChange } from "./use-change.ts";

/** 発注者: the company's people who order on the portal; each comes in through an invitation link. */
export function BuyersSection({ companyId }: { companyId: string }) {
  const base = `/api/b2b/companies/${companyId}/buyers`;
  const list = useApi<List<BuyerUser>>(base);
  const [form, setForm] = useState({ email: "", name: "" });
  const [sent, setSent] = useState<BuyerInvitation>();
  const { run, error } = useChange(list.reload);
  const invite = (event: FormEvent) => {
    event.preventDefault();
    setSent(undefined);
    void run(async () => {
      setSent(await api<BuyerInvitation>("POST", base, form));
      setForm({ email: "", name: "" });
    });
  };
  return (
    <section className="card" aria-labelledby="buyer-users">
      <h2 id="buyer-users">発注者</h2>
      <ErrorNotice error={list.error ?? error} />
      <ul className="plain-list">
        {list.data?.items.map((b) => (
          <li key={b.id} data-buyer-email={b.email}>
            {b.name || b.email} <span className="muted">{b.email}</span>{" "}
            {b.status !== "active" && <span className="badge">{b.statusLabel}</span>}
            {b.lastLoginAt && <span className="muted"> 最終ログイン {dateTime(b.lastLoginAt)}</span>}
            <Can permission="b2b:write">
              <button
                type="button"
                className="button button-quiet"
                onClick={() =>
                  void run(() => api("PATCH", `${base}/${b.id}`, { disabled: b.status !== "disabled" }))
                }
              >
                {b.status === "disabled" ? "再開" : "停止"}
              </button>
            </Can>
          </li>
        ))}
        {list.data?.items.length === 0 && <li className="muted">まだいません。</li>}
      </ul>
      <Can permission="b2b:write">
        <form className="form-row" onSubmit={invite} aria-label="発注者を招待">
          <Field label="メールアドレス" path="email" error={error}>
            <input
              type="email"
              required
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          </Field>
          <Field label="名前" path="name" error={error}>
            <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </Field>
          <button type="submit" className="button">
            招待する
          </button>
        </form>
        {sent && <InvitationLink sent={sent} />}
      </Can>
    </section>
  );
}

/** The link to hand over: always shown (a buyer's mail may be slow or filtered), and mailed when SMTP is set. */
function InvitationLink({ sent }: { sent: BuyerInvitation }) {
  const { buyer, invitation } = sent;
  return (
    <div className="notice notice-ok invitation-link" role="status">
      <p>
        {invitation.mailed
          ? `招待メールを送信しました(${buyer.email})。`
          : "SMTPが設定されていないため、招待メールは送信していません。"}
        招待リンク({dateTime(invitation.expiresAt)}まで有効、一度だけ使えます):
      </p>
      <input readOnly aria-label="招待リンク" value={invitation.url} onFocus={(e) => e.target.select()} />
      <CopyButton value={invitation.url} label="リンクをコピー" />
    </div>
  );
}
