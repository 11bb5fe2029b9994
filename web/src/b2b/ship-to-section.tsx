import { type FormEvent, useState } from "react";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { Can } from "../session/can.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import type { List, ShipToEntry } from "./types.ts";
import { useChange } from "./use-change.ts";

/** The form as typed; the API checks each part (郵便番号, 都道府県 …) and names the one at fault. */
type ShipToForm = Record<
  "label" | "name" | "postalCode" | "prefecture" | "address1" | "address2" | "phone",
  string
>;

const EMPTY: ShipToForm = {
  label: "",
  name: "",
  postalCode: "",
  prefecture: "",
  address1: "",
  address2: "",
  phone: "",
};

const FIELDS: [keyof ShipToForm, string][] = [
  ["label", "名称(本店・倉庫など)"],
  ["name", "宛名"],
  ["postalCode", "郵便番号"],
  ["prefecture", "都道府県"],
  ["address1", "住所"],
  ["address2", "建物名など"],
  ["phone", "電話番号"],
];

/** 配送先アドレス帳: where the company's orders may ship; the buyer picks one on the 発注フォーム. */
export function ShipToSection({ companyId }: { companyId: string }) {
  const base = `/api/b2b/companies/${companyId}/ship-to`;
  const list = useApi<List<ShipToEntry>>(base);
  const [form, setForm] = useState<ShipToForm>(EMPTY);
  const [adding, setAdding] = useState(false);
  const { run, error } = useChange(list.reload);
  const add = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { address2, ...rest } = form;
      await api("POST", base, address2.trim() ? { ...rest, address2: address2.trim() } : rest);
      setForm(EMPTY);
      setAdding(false);
    });
  };
  return (
    <section className="card" aria-labelledby="ship-to-book">
      <h2 id="ship-to-book">配送先アドレス帳</h2>
      <ErrorNotice error={list.error ?? error} />
      <ul className="plain-list">
        {list.data?.items.map((s) => (
          <li key={s.id}>
            <strong>{s.label}</strong> 〒{s.postalCode} {s.prefecture}
            {s.address1}
            {s.address2 ?? ""} {s.name} {s.phone}
            <Can permission="b2b:write">
              <button
                type="button"
                className="button button-quiet"
                aria-label={`配送先「${s.label}」を削除`}
                onClick={() => void run(() => api("DELETE", `${base}/${s.id}`))}
              >
                削除
              </button>
            </Can>
          </li>
        ))}
        {list.data?.items.length === 0 && <li className="muted">まだありません。</li>}
      </ul>
      <Can permission="b2b:write">
        {adding ? (
          <form className="settings-form" onSubmit={add} aria-label="配送先を追加">
            {FIELDS.map(([key, label]) => (
              <Field key={key} label={label} path={key} error={error}>
                <input
                  required={key !== "address2"}
                  value={form[key]}
                  onChange={(e) => setForm({ ...form, [key]: e.target.value })}
                />
              </Field>
            ))}
            <div className="action-row">
              <button type="submit" className="button button-primary">
                配送先を追加
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            配送先を追加
          </button>
        )}
      </Can>
    </section>
  );
}
