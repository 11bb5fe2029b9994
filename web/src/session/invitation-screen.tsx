import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { InvitationView, Session } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { dateTime } from "../format.ts";
import { navigate } from "../shell/router.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { mismatch, NewPasswordFields } from "./new-password.tsx";
import { useSession } from "./session.tsx";

/**
 * /invitations/:token, outside the signed-in layout: the invited person sees which account invited
 * which address, sets a name and password, and is signed in.
 */
export function InvitationScreen({ token }: { token: string }) {
  const invitation = useApi<InvitationView>(`/api/invitations/${encodeURIComponent(token)}`);
  if (invitation.error) {
    return (
      <main className="auth-page" id="main">
        <section className="auth-card">
          <h1>招待リンクが使えません</h1>
          <ErrorNotice error={invitation.error} />
          <p className="muted">招待した方に、新しい招待リンクの発行を依頼してください。</p>
        </section>
      </main>
    );
  }
  if (!invitation.data) return <Loading />;
  return <AcceptForm token={token} invitation={invitation.data} />;
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationView }) {
  const { signedIn } = useSession();
  const [name, setName] = useState(invitation.name);
  const [passwords, setPasswords] = useState({ password: "", confirm: "" });
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const unequal = mismatch(passwords.password, passwords.confirm);
    setError(unequal);
    if (unequal) return;
    setBusy(true);
    try {
      const session = await api<Session>("POST", `/api/invitations/${encodeURIComponent(token)}/acceptance`, {
        name,
        password: passwords.password,
      });
      navigate("/attention", { replace: true });
      signedIn(session);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
      setBusy(false);
    }
  };
  return (
    <main className="auth-page" id="main">
      <form className="auth-card" onSubmit={(e) => void submit(e)}>
        <h1 className="brand-title">
          Juchu <span>受注管理</span>
        </h1>
        <h2>{invitation.accountName}への招待</h2>
        <dl className="facts">
          <dt>事業者</dt>
          <dd>{invitation.accountName}</dd>
          <dt>メールアドレス</dt>
          <dd>{invitation.email}</dd>
          <dt>有効期限</dt>
          <dd>{dateTime(invitation.expiresAt)}</dd>
        </dl>
        <ErrorNotice error={error} />
        <Field label="名前" path="name" error={error}>
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <NewPasswordFields
          password={passwords.password}
          confirm={passwords.confirm}
          onChange={setPasswords}
          error={error}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "登録中…" : "パスワードを設定して始める"}
        </button>
      </form>
    </main>
  );
}
