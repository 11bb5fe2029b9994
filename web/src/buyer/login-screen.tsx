import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import { useBuyerSession } from "./session.tsx";
import type { BuyerSession } from "./types.ts";

export function BuyerLoginScreen({ expired }: { expired: boolean }) {
  const { signedIn } = useBuyerSession();
  const [form, setForm] = useState({ email: "", password: "" });
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      signedIn(await api<BuyerSession>("POST", "/api/buyer/session", form));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
      setBusy(false);
    }
  };
  return (
    <main className="auth-page" id="main">
      <form className="auth-card" onSubmit={(e) => void submit(e)}>
        <h1 className="brand-title">発注システム</h1>
        <h2>ログイン</h2>
        {expired && !error && (
          <p className="notice">ログインの有効期限が切れました。もう一度ログインしてください。</p>
        )}
        <ErrorNotice error={error} />
        <Field label="メールアドレス" path="email" error={error}>
          <input
            type="email"
            autoComplete="username"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
        </Field>
        <Field label="パスワード" path="password" error={error}>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </Field>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "確認中…" : "ログイン"}
        </button>
      </form>
    </main>
  );
}
