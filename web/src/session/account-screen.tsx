import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import { SettingsNav } from "../settings/settings-nav.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";
import { DevicesSection } from "./devices-section.tsx";
import { mismatch, NewPasswordFields } from "./new-password.tsx";
import { useSignedIn } from "./session.tsx";

/** アカウント: who I am here, my password, and the devices signed in as me. */
export function AccountScreen() {
  const { user, account } = useSignedIn();
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>アカウント</h1>
      </header>
      <SettingsNav />
      <article className="card" aria-labelledby="me-heading">
        <h2 id="me-heading">ログイン中のユーザー</h2>
        <dl className="facts">
          <dt>名前</dt>
          <dd>{user.name || "—"}</dd>
          <dt>メールアドレス</dt>
          <dd>{user.email}</dd>
          <dt>権限</dt>
          <dd>{user.roleLabel}</dd>
          <dt>事業者</dt>
          <dd>{account.name}</dd>
        </dl>
      </article>
      <PasswordForm />
      <DevicesSection />
    </section>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState({ password: "", confirm: "" });
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const unequal = mismatch(next.password, next.confirm);
    setError(unequal);
    if (unequal) return;
    try {
      await api("PUT", "/api/me/password", { currentPassword: current, newPassword: next.password });
      setCurrent("");
      setNext({ password: "", confirm: "" });
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  return (
    <form className="card settings-form" aria-labelledby="password-heading" onSubmit={(e) => void submit(e)}>
      <h2 id="password-heading">パスワード変更</h2>
      <Field label="現在のパスワード" path="currentPassword" error={error}>
        <input
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </Field>
      <NewPasswordFields
        password={next.password}
        confirm={next.confirm}
        onChange={setNext}
        error={error}
        path="newPassword"
      />
      <ErrorNotice error={error} />
      {done && <Notice>パスワードを変更しました。ほかの端末はログアウトしました。</Notice>}
      <div className="action-row">
        <button type="submit" className="button button-primary">
          パスワードを変更
        </button>
      </div>
    </form>
  );
}
