import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { MailCategory, MailTemplate, StandardTemplate } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { dateTime } from "../format.ts";
import { Can } from "../session/can.tsx";
import { labelOf, useReference } from "../shell/reference-data.tsx";
import { navigate, useLocation } from "../shell/router.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { delayLabel, MailNav } from "./mail-nav.tsx";
import { TemplateEditor } from "./template-editor.tsx";

/** メールテンプレート: the list, the editor (`?id=` or `?new=1`) and the standard templates to copy. */
export function MailTemplatesScreen() {
  const { search } = useLocation();
  const editId = search.get("id");
  const creating = search.get("new") === "1";
  const templates = useApi<{ items: MailTemplate[] }>("/api/mail-templates");
  const categories = useApi<{ items: MailCategory[] }>("/api/mail-categories");
  const categoryName = (id: string) => categories.data?.items.find((c) => c.id === id)?.name ?? "";
  const editing = templates.data?.items.find((t) => t.id === editId);
  const reload = () => {
    templates.reload();
    categories.reload();
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>メールテンプレート</h1>
        <button
          type="button"
          className="button button-primary"
          onClick={() => navigate("/mail/templates?new=1")}
        >
          テンプレートを追加
        </button>
      </header>
      <MailNav />
      <ErrorNotice error={templates.error ?? categories.error} />
      {(creating || editing) && categories.data && (
        <TemplateEditor
          key={editing?.id ?? "new"}
          template={editing}
          categories={categories.data.items}
          onSaved={(t) => {
            reload();
            navigate(`/mail/templates?id=${t.id}`, { replace: true });
          }}
          onClose={() => navigate("/mail/templates")}
        />
      )}
      {!templates.data ? (
        !templates.error && <Loading />
      ) : templates.data.items.length === 0 ? (
        <Empty>テンプレートはまだありません。下の標準テンプレートからコピーして始められます。</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="テンプレート一覧">
            <thead>
              <tr>
                <th>テンプレート名</th>
                <th>カテゴリー</th>
                <th>件名</th>
                <th>有効</th>
                <th>更新日時</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {templates.data.items.map((t) => (
                <tr key={t.id} aria-current={t.id === editId ? "true" : undefined}>
                  <td>{t.name}</td>
                  <td>{categoryName(t.categoryId)}</td>
                  <td>{t.subject}</td>
                  <td>{t.enabled ? "有効" : <span className="muted">無効</span>}</td>
                  <td className="nowrap">{dateTime(t.updatedAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      onClick={() => navigate(`/mail/templates?id=${t.id}`)}
                    >
                      編集
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <StandardTemplates onCopied={reload} />
    </section>
  );
}

function StandardTemplates({ onCopied }: { onCopied: () => void }) {
  const { vocabulary } = useReference();
  const standard = useApi<{ items: StandardTemplate[] }>("/api/mail-templates/standard");
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const copy = async (t: StandardTemplate) => {
    setBusy(t.key);
    setError(undefined);
    try {
      const made = await api<{ templateId: string }>("POST", `/api/mail-templates/standard/${t.key}/copy`);
      onCopied();
      navigate(`/mail/templates?id=${made.templateId}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(undefined);
    }
  };
  const when = (t: StandardTemplate) =>
    `${labelOf(
      t.trigger.kind === "order_status" ? vocabulary.orderStatuses : vocabulary.shippingStatuses,
      t.trigger.status,
    )}になった時・${delayLabel(t.trigger.delayMinutes)}`;
  return (
    <section className="card" aria-labelledby="standard-templates">
      <h2 id="standard-templates">標準テンプレートからコピー</h2>
      <p className="muted">
        コピーするとカテゴリー(送信条件)も無ければ作られます。ショップ別設定で有効にすると送信が始まります。
      </p>
      <ErrorNotice error={standard.error ?? error} title={error ? "コピーできませんでした" : undefined} />
      {!standard.data ? (
        !standard.error && <Loading />
      ) : (
        <ul className="standard-templates">
          {standard.data.items.map((t) => (
            <li key={t.key} className="standard-template" data-key={t.key}>
              <strong>{t.name}</strong> <span className="muted">{when(t)}</span>
              <div className="muted">{t.subject}</div>
              <Can permission="mail:write">
                <button
                  type="button"
                  className="button"
                  disabled={busy === t.key}
                  onClick={() => void copy(t)}
                >
                  {busy === t.key ? "コピー中…" : `「${t.name}」をコピー`}
                </button>
              </Can>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
