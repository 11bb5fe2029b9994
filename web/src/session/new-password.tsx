import type { ApiError } from "../api/client.ts";
import { ApiError as Problem } from "../api/client.ts";
import { Field } from "../ui/field.tsx";

/** A new password typed twice (set-up, an invitation, a password change): the two must match. */
export function NewPasswordFields({
  password,
  confirm,
  onChange,
  error,
  path = "password",
}: {
  password: string;
  confirm: string;
  onChange: (next: { password: string; confirm: string }) => void;
  error: ApiError | undefined;
  /** The field the API names in its errors (password, newPassword). */
  path?: string;
}) {
  return (
    <>
      <Field label="パスワード(8文字以上)" path={path} error={error}>
        <input
          type="password"
          name={path}
          autoComplete="new-password"
          required
          minLength={8}
          value={password}
          onChange={(e) => onChange({ password: e.target.value, confirm })}
        />
      </Field>
      <Field label="パスワード(確認)" path="confirm" error={error}>
        <input
          type="password"
          name="confirm"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => onChange({ password, confirm: e.target.value })}
        />
      </Field>
    </>
  );
}

/** The refusal shown before sending when the two do not match; undefined when they do. */
export function mismatch(password: string, confirm: string): ApiError | undefined {
  if (password === confirm) return undefined;
  return new Problem(422, {
    detail: "確認用のパスワードが一致しません。",
    errors: [{ path: "confirm", message: "同じパスワードを入力してください" }],
  });
}
