import { useEffect, useState } from "react";
import { query } from "../api/client.ts";
import type { Product, ProductPage } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";

/** Type part of a SKU or name, pick from the first matches. */
export function ProductPicker({
  onPick,
  initial,
  emptyHint = "該当する商品がありません。先に「商品・在庫」で登録してください。",
}: {
  onPick: (product: Product) => void;
  initial: string;
  emptyHint?: string;
}) {
  const [text, setText] = useState(initial);
  const [q, setQ] = useState(initial);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useApi<ProductPage>(`/api/products${query({ q, limit: 8 })}`);
  return (
    <div className="picker">
      <input
        type="search"
        aria-label="商品を検索(SKU・商品名)"
        placeholder="SKU・商品名で検索"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <ul className="picker-results" aria-label="見つかった商品">
        {found.data?.items.map((p) => (
          <li key={p.id}>
            <button type="button" className="picker-option" onClick={() => onPick(p)}>
              <code>{p.sku}</code> {p.name}
              <span className="muted"> 有効在庫 {p.stock.reduce((n, s) => n + s.available, 0)}</span>
            </button>
          </li>
        ))}
        {found.data?.items.length === 0 && <li className="muted">{emptyHint}</li>}
      </ul>
    </div>
  );
}
