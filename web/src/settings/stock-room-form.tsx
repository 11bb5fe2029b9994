import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Sender, Warehouse } from "../api/types.ts";
import { Can, EditableBy } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";

const BLANK: Sender = { name: "", postalCode: "", prefecture: "", address1: "", address2: "", phone: "" };

/** ご依頼主 and the B2クラウド contract codes that the own stock room's carrier slips print. */
export function StockRoomForm({ warehouse, onSaved }: { warehouse: Warehouse; onSaved: () => void }) {
  const { vocabulary } = useReference();
  const [name, setName] = useState(warehouse.name);
  const [sender, setSender] = useState<Sender>({ ...BLANK, ...warehouse.settings.sender });
  const [billing, setBilling] = useState(warehouse.settings.yamatoBillingCustomerCode ?? "");
  const [freight, setFreight] = useState(warehouse.settings.yamatoFreightNumber ?? "");
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const set = (key: keyof Sender, value: string) => {
    setSaved(false);
    setSender({ ...sender, [key]: value });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    // An untouched blank sender is left unsaved: the API checks every field of one that is sent.
    const anySender = Object.values(sender).some((v) => v?.trim());
    const settings = {
      ...(anySender ? { sender: { ...sender, address2: sender.address2 || undefined } } : {}),
      ...(billing ? { yamatoBillingCustomerCode: billing } : {}),
      ...(freight ? { yamatoFreightNumber: freight } : {}),
    };
    try {
      await api("PATCH", `/api/warehouses/${warehouse.id}`, { name, settings });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  const text = (key: keyof Sender, label: string, hint?: string) => (
    <Field label={label} path={`settings.sender.${key}`} error={error} {...(hint ? { hint } : {})}>
      <input value={sender[key] ?? ""} onChange={(e) => set(key, e.target.value)} />
    </Field>
  );

  return (
    <form className="settings-form" onSubmit={(e) => void submit(e)} aria-label={`${warehouse.name}の設定`}>
      <EditableBy permission="warehouses:write">
        <Field label="倉庫名" path="name" error={error}>
          <input value={name} maxLength={50} onChange={(e) => setName(e.target.value)} />
        </Field>
        <fieldset className="checks">
          <legend>ご依頼主(送り状に印字)</legend>
          {text("name", "ご依頼主名")}
          {text("postalCode", "郵便番号", "123-4567")}
          <Field label="都道府県" path="settings.sender.prefecture" error={error}>
            <select value={sender.prefecture} onChange={(e) => set("prefecture", e.target.value)}>
              <option value="">選択してください</option>
              {vocabulary.prefectures.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </Field>
          {text("address1", "住所")}
          {text("address2", "建物名など(任意)")}
          {text("phone", "電話番号")}
        </fieldset>
        <fieldset className="checks">
          <legend>ヤマト運輸 B2クラウド</legend>
          <Field
            label="請求先顧客コード"
            path="settings.yamatoBillingCustomerCode"
            error={error}
            hint="10〜12桁"
          >
            <input inputMode="numeric" value={billing} onChange={(e) => setBilling(e.target.value.trim())} />
          </Field>
          <Field
            label="運賃管理番号"
            path="settings.yamatoFreightNumber"
            error={error}
            hint="2桁。空欄なら01"
          >
            <input
              className="input-short"
              inputMode="numeric"
              value={freight}
              onChange={(e) => setFreight(e.target.value.trim())}
            />
          </Field>
        </fieldset>
        <div className="action-row">
          <Can permission="warehouses:write">
            <button type="submit" className="button button-primary">
              保存する
            </button>
          </Can>
        </div>
        {saved && <Notice>保存しました。</Notice>}
        <ErrorNotice error={error} title="保存できませんでした" />
      </EditableBy>
    </form>
  );
}
