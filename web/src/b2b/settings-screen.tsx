import { type FormEvent, useEffect, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useCan } from "../session/can.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Loading, Notice } from "../ui/states.tsx";
import { B2bHeader } from "./b2b-nav.tsx";
import type { B2bSettings } from "./types.ts";

/** BtoB設定: whether buyers may ask to cancel, whether the 発注フォーム shows stock, the 請求書's 登録番号. */
export function B2bSettingsScreen() {
  const loaded = useApi<B2bSettings>("/api/b2b/settings");
  const [form, setForm] = useState<B2bSettings>();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const writable = useCan("b2b:write");
  useEffect(() => setForm(loaded.data), [loaded.data]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setError(undefined);
    setSaved(false);
    try {
      setForm(
        await api<B2bSettings>("PUT", "/api/b2b/settings", {
          allowCancelRequests: form.allowCancelRequests,
          showStock: form.showStock,
          invoiceRegistrationNumber: form.invoiceRegistrationNumber?.trim() || null,
        }),
      );
      setSaved(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  return (
    <section className="screen">
      <B2bHeader title="BtoB設定" />
      <ErrorNotice error={loaded.error} />
      {!form ? (
        !loaded.error && <Loading />
      ) : (
        <form className="card settings-form" onSubmit={(e) => void submit(e)}>
          <fieldset className="checks" disabled={!writable}>
            <legend className="field-label">注文キャンセルの受付を許可</legend>
            <label className="checkbox">
              <input
                type="radio"
                name="allowCancelRequests"
                checked={form.allowCancelRequests}
                onChange={() => setForm({ ...form, allowCancelRequests: true })}
              />
              許可
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name="allowCancelRequests"
                checked={!form.allowCancelRequests}
                onChange={() => setForm({ ...form, allowCancelRequests: false })}
              />
              不許可
            </label>
            <p className="muted">
              許可すると、発注フォームとメール発注の注文に発注者がキャンセルリクエストを送れます。出荷済になるまで有効です。
            </p>
          </fieldset>
          <fieldset className="checks" disabled={!writable}>
            <legend className="field-label">在庫表示</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={form.showStock}
                onChange={(e) => setForm({ ...form, showStock: e.target.checked })}
              />
              発注フォームに在庫数を表示する
            </label>
          </fieldset>
          <Field
            label="適格請求書発行事業者登録番号"
            path="invoiceRegistrationNumber"
            error={error}
            hint="T+13桁の数字。請求書に印字します。"
          >
            <input
              className="input-short"
              placeholder="T1234567890123"
              disabled={!writable}
              value={form.invoiceRegistrationNumber ?? ""}
              onChange={(e) => setForm({ ...form, invoiceRegistrationNumber: e.target.value })}
            />
          </Field>
          <ErrorNotice error={error} />
          {saved && <Notice>保存しました。</Notice>}
          {writable && (
            <div className="action-row">
              <button type="submit" className="button button-primary">
                保存
              </button>
            </div>
          )}
        </form>
      )}
    </section>
  );
}
