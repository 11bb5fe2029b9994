import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Session } from "../api/types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import { mismatch, NewPasswordFields } from "./new-password.tsx";
import { useSession } from "./session.tsx";

/** 初期設定: only shown while the installation has no account at all. */
export function SetupScreen() {
  const { signedIn } = useSession();
  const [form, setForm] = useState({ accountName: "", email: "", password: "", confirm: "" });
  const [error, setError] = useState<ApiError>();
  const [created, setCreated] = useState<(Session & { apiToken: string }) | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const unequal = mismatch(form.password, form.confirm);
    if (unequal) {
      setError(unequal);
      return;
    }
    setBusy(true);
    try {
      const { confirm: _, ...body } = form;
      setCreated(await api<Session & { apiToken: string }>("POST", "/api/setup", body));
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <main className="auth-page" id="main">
        <section className="auth-card">
          <h1>初期設定が完了しました</h1>
          <p>
            スクリプトや外部連携から使う<strong>APIトークン</strong>
            です。この画面でだけ表示されます。安全な場所に保管してください。
          </p>
          <pre className="token">{created.apiToken}</pre>
          <button type="button" className="button button-primary" onClick={() => signedIn(created)}>
            管理画面へ進む
          </button>
        </section>
      </main>
    );
  }

  return (
    <main className="auth-page" id="main">
      <form className="auth-card" onSubmit={submit}>
        <h1 className="brand-title">
          Juchu <span>受注管理</span>
        </h1>
        <h2>初期設定</h2>
        <p className="muted">
          最初の事業者アカウントと、ログインに使うメールアドレス・パスワードを登録します。
        </p>
        <ErrorNotice error={error} />
        <Field label="事業者名" path="accountName" error={error}>
          <input name="accountName" required value={form.accountName} onChange={set("accountName")} />
        </Field>
        <Field label="メールアドレス" path="email" error={error}>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={form.email}
            onChange={set("email")}
          />
        </Field>
        <NewPasswordFields
          password={form.password}
          confirm={form.confirm}
          onChange={(next) => setForm({ ...form, ...next })}
          error={error}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "登録中…" : "アカウントを作成"}
        </button>
      </form>
    </main>
  );
}
