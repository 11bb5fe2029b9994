import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { dateTime } from "../format.ts";
import { mismatch, NewPasswordFields } from "../session/new-password.tsx";
import { navigate } from "../shell/router.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { BUYER } from "./paths.ts";
import { useBuyerSession } from "./session.tsx";
import type { BuyerInvitationView, BuyerSession } from "./types.ts";

/** 招待からのパスワード設定: the invited buyer sets a password and is signed in. */
export function BuyerInvitationScreen({ token }: { token: string }) {
  const path = `/api/buyer/invitations/${encodeURIComponent(token)}`;
  const invitation = useApi<BuyerInvitationView>(path);
  if (invitation.error) {
    return (
      <main className="auth-page" id="main">
        <section className="auth-card">
          <h1>招待リンクが使えません</h1>
          <ErrorNotice error={invitation.error} />
          <p className="muted">発注先の担当者に、新しい招待リンクの発行を依頼してください。</p>
        </section>
      </main>
    );
  }
  if (!invitation.data) return <Loading />;
  return <AcceptForm path={path} invitation={invitation.data} />;
}

function AcceptForm({ path, invitation }: { path: string; invitation: BuyerInvitationView }) {
  const { signedIn } = useBuyerSession();
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
      const session = await api<BuyerSession>("POST", `${path}/acceptance`, {
        name,
        password: passwords.password,
      });
      navigate(BUYER.top, { replace: true });
      signedIn(session);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
      setBusy(false);
    }
  };
  return (
    <main className="auth-page" id="main">
      <form className="auth-card" onSubmit={(e) => void submit(e)}>
        <h1 className="brand-title">発注システム</h1>
        <h2>パスワード設定</h2>
        <dl className="facts">
          <dt>発注先</dt>
          <dd>{invitation.merchantName}</dd>
          <dt>貴社名</dt>
          <dd>{invitation.companyName}</dd>
          <dt>メールアドレス</dt>
          <dd>{invitation.email}</dd>
          <dt>有効期限</dt>
          <dd>{dateTime(invitation.expiresAt)}</dd>
        </dl>
        <ErrorNotice error={error} />
        <Field label="お名前" path="name" error={error}>
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
