import { type ReactNode, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Mapping, Product, UnmappedItem } from "../api/types.ts";
import { ErrorNotice } from "../ui/states.tsx";
import { ProductPicker } from "./product-picker.tsx";

type Component = { productId: string; sku: string; name: string; quantity: number };

/**
 * Maps one mall item to products in one step (a set item: several products). Saving releases the
 * orders that waited at 確認待 for it, on the server, in the same transaction.
 */
export function MapItemForm({
  item,
  onMapped,
  onCancel,
  addProduct,
}: {
  item: UnmappedItem;
  onMapped: (mapping: Mapping) => void;
  onCancel: () => void;
  /** Room under the picker to register a missing product; what it registers joins the components. */
  addProduct?: (pick: (product: Product) => void) => ReactNode;
}) {
  const [components, setComponents] = useState<Component[]>([]);
  const [skuOnly, setSkuOnly] = useState(item.mallSkuCode !== null);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const pick = (p: Product) =>
    setComponents((current) =>
      current.some((c) => c.productId === p.id)
        ? current
        : [...current, { productId: p.id, sku: p.sku, name: p.name, quantity: 1 }],
    );

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const mapping = await api<Mapping>("POST", "/api/product-mappings", {
        shopId: item.shopId,
        mallItemCode: item.mallItemCode,
        mallSkuCode: skuOnly ? item.mallSkuCode : null,
        components: components.map((c) => ({ productId: c.productId, quantity: c.quantity })),
      });
      onMapped(mapping);
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
      setBusy(false);
    }
  };

  return (
    <section className="map-form" aria-label={`${item.mallItemCode} のマッピング`}>
      <div className="map-form-columns">
        <div>
          <ProductPicker
            initial={item.mallItemCode}
            onPick={pick}
            {...(addProduct && { emptyHint: "該当する商品がありません。下で登録できます。" })}
          />
          {addProduct?.(pick)}
        </div>
        <div>
          <h3>紐付ける商品</h3>
          {components.length === 0 && (
            <p className="muted">左の一覧から商品を選んでください(セット商品は複数)。</p>
          )}
          <ul className="components">
            {components.map((c, i) => (
              <li key={c.productId}>
                <code>{c.sku}</code> {c.name} ×
                <input
                  type="number"
                  min={1}
                  max={9999}
                  aria-label={`${c.sku} の数量`}
                  value={c.quantity}
                  onChange={(e) =>
                    setComponents(
                      components.map((x, j) => (j === i ? { ...x, quantity: Number(e.target.value) } : x)),
                    )
                  }
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`${c.sku} を外す`}
                  onClick={() => setComponents(components.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          {item.mallSkuCode && (
            <label className="checkbox">
              <input type="checkbox" checked={skuOnly} onChange={(e) => setSkuOnly(e.target.checked)} />
              SKU {item.mallSkuCode} のときだけ(外すと、この商品管理番号のすべてのSKUに使います)
            </label>
          )}
          <ErrorNotice error={error} />
          <div className="action-row">
            <button type="button" className="button" onClick={onCancel}>
              やめる
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy || components.length === 0}
              onClick={() => void save()}
            >
              マッピングを登録
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
