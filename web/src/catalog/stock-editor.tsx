import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Product } from "../api/types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";

/**
 * Sets 在庫数 per warehouse. Only changed warehouses are sent; stock that arrives goes to waiting
 * orders oldest first, on the server.
 */
export function StockEditor({ product, onDone }: { product: Product; onDone: () => void }) {
  const [values, setValues] = useState(() =>
    Object.fromEntries(product.stock.map((s) => [s.warehouseId, String(s.onHand)])),
  );
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      for (const line of product.stock) {
        const onHand = Number(values[line.warehouseId]);
        if (onHand === line.onHand) continue;
        await api("POST", `/api/products/${product.id}/stock`, { warehouseId: line.warehouseId, onHand });
      }
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form-row stock-editor" onSubmit={save} aria-label={`${product.sku} の在庫`}>
      {product.stock.map((line) => (
        <Field
          key={line.warehouseId}
          label={`${line.warehouseName}の在庫数`}
          hint={`引当済み ${line.allocated}(これより少なくはできません)`}
        >
          <input
            type="number"
            min={0}
            step={1}
            required
            value={values[line.warehouseId] ?? ""}
            onChange={(e) => setValues({ ...values, [line.warehouseId]: e.target.value })}
          />
        </Field>
      ))}
      <button type="submit" className="button button-primary" disabled={busy}>
        保存
      </button>
      <button type="button" className="button" onClick={onDone}>
        閉じる
      </button>
      <ErrorNotice error={error} />
    </form>
  );
}
