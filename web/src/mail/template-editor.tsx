import { type FormEvent, useRef, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { MailCategory, MailTemplate, Placeholder } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { Can } from "../session/can.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";
import { TemplatePreview } from "./template-preview.tsx";

type Target = "subject" | "body";

/** One template: its texts, the placeholders to insert at the cursor, and a preview with a real order. */
export function TemplateEditor({
  template,
  categories,
  onSaved,
  onClose,
}: {
  template: MailTemplate | undefined;
  categories: MailCategory[];
  onSaved: (saved: MailTemplate) => void;
  onClose: () => void;
}) {
  const placeholders = useApi<{ items: Placeholder[] }>("/api/mail-placeholders");
  const [name, setName] = useState(template?.name ?? "");
  const [enabled, setEnabled] = useState(template?.enabled ?? true);
  const [categoryId, setCategoryId] = useState(template?.categoryId ?? categories[0]?.id ?? "");
  const [subject, setSubject] = useState(template?.subject ?? "");
  const [body, setBody] = useState(template?.body ?? "");
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // The placeholder buttons take focus; this remembers which text the merchant was typing in.
  const target = useRef<Target>("body");

  const insert = (placeholder: string) => {
    const which = target.current;
    const element = which === "subject" ? subjectRef.current : bodyRef.current;
    const text = which === "subject" ? subject : body;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? start;
    const token = `{{${placeholder}}}`;
    const next = text.slice(0, start) + token + text.slice(end);
    (which === "subject" ? setSubject : setBody)(next);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      const input = { name, enabled, categoryId, subject, body };
      const result = await api<MailTemplate>(
        template ? "PATCH" : "POST",
        template ? `/api/mail-templates/${template.id}` : "/api/mail-templates",
        input,
      );
      setSaved(true);
      onSaved(result);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };

  return (
    <article className="card template-editor" aria-labelledby="template-editor">
      <h2 id="template-editor">{template ? `テンプレート「${template.name}」` : "テンプレートを追加"}</h2>
      <div className="template-columns">
        <form className="settings-form" aria-label="テンプレートの編集" onSubmit={(e) => void submit(e)}>
          <Field label="テンプレート名" path="name" error={error}>
            <input value={name} maxLength={50} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label="カテゴリー" path="categoryId" error={error}>
            <select value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
              {categories.length === 0 && <option value="">先にカテゴリーを作ってください</option>}
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> 有効
          </label>
          <Field label="件名" path="subject" error={error}>
            <input
              ref={subjectRef}
              value={subject}
              onFocus={() => {
                target.current = "subject";
              }}
              onChange={(e) => setSubject(e.target.value)}
            />
          </Field>
          <Field label="本文" path="body" error={error}>
            <textarea
              ref={bodyRef}
              className="template-body"
              rows={18}
              value={body}
              onFocus={() => {
                target.current = "body";
              }}
              onChange={(e) => setBody(e.target.value)}
            />
          </Field>
          <div className="action-row">
            <Can permission="mail:write">
              <button type="submit" className="button button-primary" disabled={!name.trim() || !categoryId}>
                保存する
              </button>
            </Can>
            <button type="button" className="button" onClick={onClose}>
              閉じる
            </button>
          </div>
          {saved && <Notice>テンプレートを保存しました。</Notice>}
          {/* The field messages sit under their fields; the notice only says that the save failed. */}
          <ErrorNotice error={error && withoutFields(error)} title="保存できませんでした" />
        </form>
        <aside className="placeholder-list" aria-labelledby="placeholders-title">
          <h3 id="placeholders-title">差し込み項目</h3>
          <p className="muted">クリックするとカーソルの位置に入ります。</p>
          <ErrorNotice error={placeholders.error} />
          <ul>
            {placeholders.data?.items.map((p) => (
              <li key={p.name}>
                <button
                  type="button"
                  className="picker-option"
                  title={`例: ${p.example}`}
                  onClick={() => insert(p.name)}
                >
                  <code>{`{{${p.name}}}`}</code> <span className="muted">{p.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </aside>
      </div>
      <TemplatePreview subject={subject} body={body} />
    </article>
  );
}

const withoutFields = (e: ApiError) => new ApiError(e.status, { detail: e.detail, code: e.code });
