import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Invitation, Role } from "../api/types.ts";
import { dateTime } from "../format.ts";
import { Field } from "../ui/field.tsx";
import { CopyButton } from "../ui/shown-once.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";

/** 招待: e-mail, name and role; the link goes by mail, or is shown to copy when the account has no SMTP. */
export function InviteForm({ roles, onInvited }: { roles: Role[]; onInvited: () => void }) {
  const [form, setForm] = useState({ email: "", name: "", role: "staff" });
  const [error, setError] = useState<ApiError>();
  const [sent, setSent] = useState<Invitation>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSent(undefined);
    try {
      setSent(await api<Invitation>("POST", "/api/users/invitations", form));
      setForm({ email: "", name: "", role: form.role });
      onInvited();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card settings-form" aria-labelledby="invite-heading" onSubmit={(e) => void submit(e)}>
      <h2 id="invite-heading">ユーザーを招待</h2>
      <div className="form-row">
        <Field label="メールアドレス" path="email" error={error}>
          <input type="email" required value={form.email} onChange={set("email")} />
        </Field>
        <Field label="名前" path="name" error={error}>
          <input required maxLength={100} value={form.name} onChange={set("name")} />
        </Field>
        <Field label="権限" path="role" error={error}>
          <select value={form.role} onChange={set("role")}>
            {roles.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="muted">{roles.find((r) => r.code === form.role)?.description}</p>
      <ErrorNotice error={error} />
      {sent && <InvitationSent sent={sent} />}
      <div className="action-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          招待する
        </button>
      </div>
    </form>
  );
}

/** Mailed: say so. Not mailed (no SMTP): the link, to hand over some other way. */
export function InvitationSent({ sent }: { sent: Invitation }) {
  const { user, invitation } = sent;
  if (invitation.mailed) {
    return <Notice>招待メールを送信しました({user.email})。</Notice>;
  }
  return (
    <div className="notice notice-ok invitation-link" role="status">
      <p>
        SMTPが設定されていないため、招待メールは送信していません。次のリンクを{user.email}
        さんに伝えてください({dateTime(invitation.expiresAt)}まで有効、一度だけ使えます)。
      </p>
      <input readOnly aria-label="招待リンク" value={invitation.url} onFocus={(e) => e.target.select()} />
      <CopyButton value={invitation.url} label="リンクをコピー" />
    </div>
  );
}
