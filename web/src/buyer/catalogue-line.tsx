import { count, yen } from "../format.ts";
import type { CatalogueItem } from "./types.ts";

/** One product of 発注フォーム: the company's price, 最小発注数 / 発注単位, stock when shown, the quantity. */
export function CatalogueLine({
  item,
  quantity,
  problems,
  onChange,
}: {
  item: CatalogueItem;
  quantity: string;
  /** The API's refusals for this line (below the minimum, not a multiple of the lot). */
  problems: string[];
  onChange: (quantity: string) => void;
}) {
  const id = `qty-${item.productId}`;
  return (
    <li className={problems.length ? "buyer-line buyer-line-invalid" : "buyer-line"} data-sku={item.sku}>
      <div className="buyer-line-name">
        <strong>{item.name}</strong>
        <span className="muted">{item.sku}</span>
      </div>
      <p className="buyer-line-facts">
        <span>{yen(item.unitPrice)}</span>
        <span>最小発注数 {count(item.minQuantity)}</span>
        <span>発注単位 {count(item.lotQuantity)}</span>
        {item.stock !== null && <span>在庫 {count(item.stock)}</span>}
      </p>
      <label className="buyer-line-qty" htmlFor={id}>
        <span>数量</span>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          aria-label={`${item.name}の数量`}
          aria-invalid={problems.length > 0}
          value={quantity}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {problems.map((p) => (
        <p key={p} className="field-error" role="alert">
          {p}
        </p>
      ))}
    </li>
  );
}
