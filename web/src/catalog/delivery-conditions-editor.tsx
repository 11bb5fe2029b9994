import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { DeliveryConditions, Product } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { Can } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Loading, Notice } from "../ui/states.tsx";

/**
 * 配送条件 of one product (楽々通販の「お届け対応可能日数・時間帯設定」): which 物流会社 and 配送会社 its
 * parcels leave with, how many open days it needs before it can ship, and which お届け時間帯 it takes.
 * Opened from the product's row; orders registered after saving follow it.
 */
export function DeliveryConditionsEditor({ product }: { product: Product }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="delivery-conditions" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>配送条件</summary>
      {open && <ConditionsForm product={product} />}
    </details>
  );
}

type Slots = "all" | "none" | "some";

function ConditionsForm({ product }: { product: Product }) {
  const { warehouses, vocabulary } = useReference();
  const current = useApi<DeliveryConditions>(`/api/products/${product.id}/delivery-conditions`);
  const [draft, setDraft] = useState<DeliveryConditions>();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  if (!current.data) return <>{current.error ? <ErrorNotice error={current.error} /> : <Loading />}</>;
  const form = draft ?? current.data;
  const edit = (change: Partial<DeliveryConditions>) => {
    setDraft({ ...form, ...change });
    setSaved(false);
  };
  const slots: Slots = form.timeSlots === null ? "all" : form.timeSlots.length === 0 ? "none" : "some";
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      setDraft(await api<DeliveryConditions>("PUT", `/api/products/${product.id}/delivery-conditions`, form));
      setSaved(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  return (
    <form className="form-grid" onSubmit={submit} aria-label={`${product.sku} の配送条件`}>
      <Field label="物流会社" path="warehouseId" error={error}>
        <select
          value={form.warehouseId ?? ""}
          onChange={(e) => edit({ warehouseId: e.target.value || null })}
        >
          <option value="">ショップの倉庫</option>
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="配送会社" path="carrier" error={error}>
        <select
          value={form.carrier ?? ""}
          onChange={(e) => edit({ carrier: (e.target.value || null) as DeliveryConditions["carrier"] })}
        >
          <option value="">倉庫の既定</option>
          {vocabulary.carriers.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="お届け対応可能日数"
        path="leadDays"
        error={error}
        hint="出荷できるまでに要る営業日数。出荷予定日に足します"
      >
        <input
          type="number"
          min={0}
          max={60}
          value={form.leadDays}
          onChange={(e) => edit({ leadDays: Number(e.target.value) })}
        />
      </Field>
      <fieldset className="field">
        <legend>お届け時間帯</legend>
        <select
          aria-label="時間帯の受け付け"
          value={slots}
          onChange={(e) =>
            edit({
              timeSlots: e.target.value === "all" ? null : e.target.value === "none" ? [] : ["am"],
            })
          }
        >
          <option value="all">配送会社の扱うすべて</option>
          <option value="some">指定した時間帯だけ</option>
          <option value="none">時間帯指定不可</option>
        </select>
        {slots === "some" &&
          vocabulary.timeSlots.map((s) => (
            <label key={s.code} className="check">
              <input
                type="checkbox"
                checked={form.timeSlots?.includes(s.code as never) ?? false}
                onChange={(e) =>
                  edit({
                    timeSlots: vocabulary.timeSlots
                      .map((v) => v.code as NonNullable<DeliveryConditions["timeSlots"]>[number])
                      .filter((code) =>
                        code === s.code ? e.target.checked : form.timeSlots?.includes(code),
                      ),
                  })
                }
              />
              {s.label}
            </label>
          ))}
      </fieldset>
      <Can permission="catalog:write">
        <button type="submit" className="button button-primary">
          配送条件を保存
        </button>
      </Can>
      <ErrorNotice error={error} />
      {saved && <Notice>{product.sku} の配送条件を保存しました。これから登録される注文に使います。</Notice>}
    </form>
  );
}
