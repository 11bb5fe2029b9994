import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Session } from "../api/types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import { useSession } from "./session.tsx";

export function LoginScreen({ expired }: { expired: boolean }) {
  const { signedIn } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      signedIn(await api<Session>("POST", "/api/session", { email, password }));
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
      setBusy(false);
    }
  };

  return (
    <main className="auth-page" id="main">
      <form className="auth-card" onSubmit={submit}>
        <h1 className="brand-title">
          Juchu <span>受注管理</span>
        </h1>
        <h2>ログイン</h2>
        {expired && !error && (
          <p className="notice">ログインの有効期限が切れました。もう一度ログインしてください。</p>
        )}
        <ErrorNotice error={error} />
        <Field label="メールアドレス" path="email" error={error}>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field label="パスワード" path="password" error={error}>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "確認中…" : "ログイン"}
        </button>
      </form>
    </main>
  );
}
