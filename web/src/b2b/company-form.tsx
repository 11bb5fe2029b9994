import { type FormEvent, useState } from "react";
import { ApiError } from "../api/client.ts";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import type { CompanyInput } from "./types.ts";

export const EMPTY_COMPANY: CompanyInput = {
  name: "",
  code: "",
  rank: null,
  paymentTerms: "invoice",
  closingDay: 31,
  paymentDueDays: 30,
  notes: "",
};

/** 取引先の基本情報: name, 取引先コード, 価格ランク, and 掛け払い (締め日, 支払期限) or 前払い. */
export function CompanyForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: CompanyInput;
  submitLabel: string;
  /** Throws the API's refusal; the form shows it beside the fields it names. */
  onSubmit: (input: CompanyInput) => Promise<void>;
}) {
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const invoice = form.paymentTerms === "invoice";
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit({
        name: form.name,
        code: form.code,
        notes: form.notes ?? "",
        paymentTerms: form.paymentTerms,
        rank: form.rank?.trim() || null,
        closingDay: invoice ? form.closingDay : null,
        paymentDueDays: invoice ? form.paymentDueDays : null,
      });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  const number = (v: string) => (v === "" ? null : Number(v));
  return (
    <form className="card settings-form" onSubmit={(e) => void submit(e)}>
      <Field label="取引先名" path="name" error={error}>
        <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </Field>
      <Field label="取引先コード" path="code" error={error}>
        <input required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />
      </Field>
      <Field label="価格ランク" path="rank" error={error} hint="同じランクの取引先は同じ価格になります(任意)">
        <input value={form.rank ?? ""} onChange={(e) => setForm({ ...form, rank: e.target.value })} />
      </Field>
      <Field label="支払条件" path="paymentTerms" error={error}>
        <select
          value={form.paymentTerms}
          onChange={(e) =>
            setForm({ ...form, paymentTerms: e.target.value === "prepaid" ? "prepaid" : "invoice" })
          }
        >
          <option value="invoice">掛け払い</option>
          <option value="prepaid">前払い</option>
        </select>
      </Field>
      {invoice && (
        <>
          <Field label="締め日" path="closingDay" error={error}>
            <select
              value={form.closingDay ?? 31}
              onChange={(e) => setForm({ ...form, closingDay: Number(e.target.value) })}
            >
              {Array.from({ length: 28 }, (_, i) => i + 1).map((d) => (
                <option key={d} value={d}>
                  {d}日
                </option>
              ))}
              <option value={31}>月末</option>
            </select>
          </Field>
          <Field label="支払期限(締め日から何日)" path="paymentDueDays" error={error}>
            <input
              type="number"
              min={0}
              className="input-short"
              value={form.paymentDueDays ?? ""}
              onChange={(e) => setForm({ ...form, paymentDueDays: number(e.target.value) })}
            />
          </Field>
        </>
      )}
      <Field label="メモ" path="notes" error={error}>
        <textarea rows={2} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
      </Field>
      <ErrorNotice error={error} />
      <div className="action-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
