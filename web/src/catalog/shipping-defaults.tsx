import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Product } from "../api/types.ts";
import { useReference } from "../shell/reference-data.tsx";
import { ErrorNotice } from "../ui/states.tsx";

/**
 * 配送サービス and 温度帯 of a product, saved as soon as one is picked: what its shipments' carrier
 * slips use (送り状種類, クール区分) unless a shipment is given its own service.
 */
export function ShippingDefaults({ product, onSaved }: { product: Product; onSaved: () => void }) {
  const { shippingServices, temperatures } = useReference().vocabulary;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const save = async (change: Partial<Pick<Product, "shippingService" | "temperature">>) => {
    setBusy(true);
    setError(undefined);
    try {
      await api("PATCH", `/api/products/${product.id}`, change);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="inline-group">
      <select
        aria-label={`${product.sku} の配送サービス`}
        value={product.shippingService}
        disabled={busy}
        onChange={(e) => void save({ shippingService: e.target.value as Product["shippingService"] })}
      >
        {shippingServices.map((s) => (
          <option key={s.code} value={s.code}>
            {s.label}
          </option>
        ))}
      </select>
      <select
        aria-label={`${product.sku} の温度帯`}
        value={product.temperature}
        disabled={busy}
        onChange={(e) => void save({ temperature: e.target.value as Product["temperature"] })}
      >
        {temperatures.map((t) => (
          <option key={t.code} value={t.code}>
            {t.label}
          </option>
        ))}
      </select>
      <ErrorNotice error={error} />
    </span>
  );
}
