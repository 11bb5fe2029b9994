import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Product } from "../api/types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";

/**
 * 商品を登録 without leaving the mapping: SKU and name, prefilled from the mall item the order names;
 * the new product goes straight into the mapping being made. Stock and the rest are set later in 商品・在庫.
 */
export function NewProductForm({
  sku: initialSku,
  name: initialName,
  onCreated,
}: {
  sku: string;
  name: string;
  onCreated: (product: Product) => void;
}) {
  const [open, setOpen] = useState(false);
  const [sku, setSku] = useState(initialSku);
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        商品を新しく登録して紐付ける
      </button>
    );
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const product = await api<Product>("POST", "/api/products", { sku: sku.trim(), name: name.trim() });
      onCreated(product);
      setOpen(false);
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="new-product" aria-label="商品を登録">
      <legend>商品を登録</legend>
      <Field label="SKU(商品コード)" path="sku" error={error}>
        <input value={sku} onChange={(e) => setSku(e.target.value)} maxLength={64} />
      </Field>
      <Field label="商品名" path="name" error={error}>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={255} />
      </Field>
      <ErrorNotice error={error} />
      <div className="action-row">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          やめる
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy || !sku.trim() || !name.trim()}
          onClick={() => void save()}
        >
          登録して加える
        </button>
      </div>
    </fieldset>
  );
}
