import { type FormEvent, useState } from "react";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { Can } from "../session/can.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import type { List, MailDestination } from "./types.ts";
import { useChange } from "./use-change.ts";

/** メール送信先: every mail to the company (受付, キャンセル承認・却下) goes to all of these. */
export function MailDestinationsSection({ companyId }: { companyId: string }) {
  const base = `/api/b2b/companies/${companyId}/mail-destinations`;
  const list = useApi<List<MailDestination>>(base);
  const [form, setForm] = useState({ email: "", name: "" });
  const { run, error } = useChange(list.reload);
  const add = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api("POST", base, form);
      setForm({ email: "", name: "" });
    });
  };
  return (
    <section className="card" aria-labelledby="mail-destinations">
      <h2 id="mail-destinations">メール送信先</h2>
      <ErrorNotice error={list.error ?? error} />
      <ul className="plain-list">
        {list.data?.items.map((d) => (
          <li key={d.id}>
            {d.email} {d.name && <span className="muted">({d.name})</span>}
            <Can permission="b2b:write">
              <button
                type="button"
                className="button button-quiet"
                aria-label={`${d.email}を削除`}
                onClick={() => void run(() => api("DELETE", `${base}/${d.id}`))}
              >
                削除
              </button>
            </Can>
          </li>
        ))}
        {list.data?.items.length === 0 && <li className="muted">まだありません。</li>}
      </ul>
      <Can permission="b2b:write">
        <form className="form-row" onSubmit={add} aria-label="メール送信先を追加">
          <Field label="メールアドレス" path="email" error={error}>
            <input
              type="email"
              required
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          </Field>
          <Field label="宛名" path="name" error={error}>
            <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </Field>
          <button type="submit" className="button">
            追加
          </button>
        </form>
      </Can>
    </section>
  );
}
