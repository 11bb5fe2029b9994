import type { ApiError } from "../api/client.ts";
import type { ShopSettings } from "../api/types.ts";
import { useReference } from "../shell/reference-data.tsx";
import { Field } from "../ui/field.tsx";

type ShipFrom = ShopSettings["shipFrom"];
type Own = Extract<ShipFrom, { mode: "shop" }>;
const EMPTY: Own = { mode: "shop", name: "", postalCode: "", prefecture: "", address1: "", phone: "" };

/**
 * 送付元住所 (楽々通販2's 送付元住所自動編集設定): whether the shop's carrier slips and 納品書 say the stock
 * room's ご依頼主 under the shop's name, or the shop's own address. Saved with the rest of the settings.
 */
export function ShipFromFieldset({
  value,
  onChange,
  error,
}: {
  value: ShipFrom | undefined;
  onChange: (next: ShipFrom) => void;
  error: ApiError | undefined;
}) {
  const { vocabulary } = useReference();
  const own = value?.mode === "shop" ? value : null;
  const set = (key: Exclude<keyof Own, "mode">, next: string) =>
    onChange({ ...(own ?? EMPTY), [key]: key === "address2" && next === "" ? undefined : next });
  const text = (key: Exclude<keyof Own, "mode" | "prefecture">, label: string, hint?: string) => (
    <Field label={label} path={`settings.shipFrom.${key}`} error={error} {...(hint ? { hint } : {})}>
      <input value={own?.[key] ?? ""} onChange={(e) => set(key, e.target.value)} />
    </Field>
  );
  return (
    <fieldset className="checks ship-from">
      <legend>送付元住所(送り状・納品書のご依頼主)</legend>
      <label className="checkbox">
        <input type="radio" name="shipFrom" checked={!own} onChange={() => onChange({ mode: "warehouse" })} />
        倉庫のご依頼主(住所・電話番号は倉庫設定のもの、名前はこのショップの名前)
      </label>
      <label className="checkbox">
        <input type="radio" name="shipFrom" checked={Boolean(own)} onChange={() => onChange(own ?? EMPTY)} />
        このショップの住所
      </label>
      {own && (
        <>
          {text("name", "送付元名")}
          {text("postalCode", "郵便番号", "123-4567")}
          <Field label="都道府県" path="settings.shipFrom.prefecture" error={error}>
            <select value={own.prefecture} onChange={(e) => set("prefecture", e.target.value)}>
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
        </>
      )}
    </fieldset>
  );
}
