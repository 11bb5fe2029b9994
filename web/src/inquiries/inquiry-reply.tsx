import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Inquiry } from "../api/types.ts";
import { Can } from "../session/can.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";

/** A shop message on the thread, sent to the mall as typed; a refusal keeps the text for another try. */
export function ReplyForm({ inquiry, onSent }: { inquiry: Inquiry; onSent: (next: Inquiry) => void }) {
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [sent, setSent] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSent(false);
    try {
      onSent(await api<Inquiry>("POST", `/api/inquiries/${inquiry.id}/reply`, { message }));
      setMessage("");
      setSent(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="settings-form inquiry-reply-form" onSubmit={submit}>
      <Field label="返信内容" path="message" error={error} hint="購入者にそのまま届きます">
        <textarea
          rows={6}
          required
          value={message}
          onChange={(e) => {
            setSent(false);
            setMessage(e.target.value);
          }}
        />
      </Field>
      <ErrorNotice error={error} title="返信できませんでした" />
      {sent && <Notice>返信を送りました。</Notice>}
      <div className="action-row">
        <Can permission="inquiries:write">
          <button type="submit" className="button button-primary" disabled={busy || !message.trim()}>
            {busy ? "送信中…" : "返信を送る"}
          </button>
        </Can>
      </div>
    </form>
  );
}
