import { useEffect, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { MailCategory, MailTemplate, ShopMailSetting } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { Can } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { Link } from "../shell/router.tsx";
import { Empty, ErrorNotice, Loading, Notice } from "../ui/states.tsx";
import { delayLabel, MailNav } from "./mail-nav.tsx";

/** ショップ別設定: per shop, which categories send and with which of their templates. */
export function ShopMailSettingsScreen() {
  const { shops } = useReference();
  const [shopId, setShopId] = useState(shops[0]?.id ?? "");
  const categories = useApi<{ items: MailCategory[] }>("/api/mail-categories");
  const templates = useApi<{ items: MailTemplate[] }>("/api/mail-templates");
  const settings = useApi<{ items: ShopMailSetting[] }>(shopId ? `/api/shops/${shopId}/mail-settings` : null);

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>ショップ別設定</h1>
      </header>
      <MailNav />
      <label className="inline-field">
        <span className="field-label">ショップ</span>
        <select aria-label="ショップ" value={shopId} onChange={(e) => setShopId(e.target.value)}>
          {shops.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}({s.channelLabel})
            </option>
          ))}
        </select>
      </label>
      <ErrorNotice error={categories.error ?? templates.error ?? settings.error} />
      {shops.length === 0 ? (
        <Empty>ショップがありません。先に「ショップ設定」で登録してください。</Empty>
      ) : !categories.data || !templates.data || !settings.data ? (
        <Loading />
      ) : categories.data.items.length === 0 ? (
        <Empty>
          メールカテゴリーがありません。<Link to="/mail/templates">メールテンプレート</Link>
          で標準テンプレートをコピーしてください。
        </Empty>
      ) : (
        <SettingsForm
          key={shopId}
          shopId={shopId}
          categories={categories.data.items}
          templates={templates.data.items}
          current={settings.data.items}
          loading={settings.loading}
          onSaved={settings.reload}
        />
      )}
    </section>
  );
}

function SettingsForm({
  shopId,
  categories,
  templates,
  current,
  loading,
  onSaved,
}: {
  shopId: string;
  categories: MailCategory[];
  templates: MailTemplate[];
  current: ShopMailSetting[];
  /** The rows may still be the previous shop's: no saving them onto this one. */
  loading: boolean;
  onSaved: () => void;
}) {
  const initial = () =>
    categories.map(
      (c) =>
        current.find((s) => s.categoryId === c.id) ?? { categoryId: c.id, enabled: false, templateId: null },
    );
  const [rows, setRows] = useState<ShopMailSetting[]>(initial);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh answer from the server resets the form.
  useEffect(() => setRows(initial()), [current]);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const update = (i: number, patch: Partial<ShopMailSetting>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async () => {
    setError(undefined);
    setSaved(false);
    try {
      await api("PUT", `/api/shops/${shopId}/mail-settings`, { items: rows });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  // The server names rows by their index in what was sent, which is the category order here.
  const problems = (i: number) => error?.errors.filter((e) => e.path.startsWith(`items.${i}.`)) ?? [];

  return (
    <div className="card">
      <div className="table-wrap">
        <table className="table" aria-label="カテゴリーごとの送信設定">
          <thead>
            <tr>
              <th>送信する</th>
              <th>カテゴリー</th>
              <th>タイミング</th>
              <th>テンプレート</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => {
              const row = rows[i] ?? { categoryId: c.id, enabled: false, templateId: null };
              const own = templates.filter((t) => t.categoryId === c.id);
              return (
                <tr key={c.id} data-category={c.name}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${c.name}を送信する`}
                      checked={row.enabled}
                      onChange={(e) =>
                        update(i, {
                          enabled: e.target.checked,
                          templateId: row.templateId ?? (e.target.checked ? (own[0]?.id ?? null) : null),
                        })
                      }
                    />
                  </td>
                  <td>
                    {c.name}
                    {!c.enabled && <span className="muted">(カテゴリー無効)</span>}
                  </td>
                  <td>{delayLabel(c.delayMinutes)}</td>
                  <td className={problems(i).length > 0 ? "field-invalid" : undefined}>
                    <select
                      aria-label={`${c.name}のテンプレート`}
                      value={row.templateId ?? ""}
                      onChange={(e) => update(i, { templateId: e.target.value || null })}
                    >
                      <option value="">(選択なし)</option>
                      {own.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                          {t.enabled ? "" : "(無効)"}
                        </option>
                      ))}
                    </select>
                    {problems(i).map((p) => (
                      <span key={p.message} className="field-error">
                        {p.message}
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="action-row">
        <Can permission="mail:write">
          <button
            type="button"
            className="button button-primary"
            disabled={loading}
            onClick={() => void save()}
          >
            保存する
          </button>
        </Can>
      </div>
      {saved && <Notice>ショップのメール設定を保存しました。</Notice>}
      <ErrorNotice error={error} title="保存できませんでした" />
    </div>
  );
}
