import { useState } from "react";
import { type ApiError, api } from "../api/client.ts";
import type { Answer } from "../api/types.ts";
import { ProductPicker } from "../catalog/product-picker.tsx";
import { Field } from "../ui/field.tsx";

type OrderLine = Answer<"/api/products/{id}/order-line">;
/** A line being added: the shop's item code, its name and price — picked from the products or typed. */
export type NewLine = { mallItemCode: string; mallSkuCode?: string; name: string; unitPrice: number };

/**
 * The item of an added line: 商品から選ぶ fills the shop's item code mapped to the product, its name
 * and the price it last sold at in that shop; each stays editable, and typing by hand still works.
 */
export function NewLineFields({
  line,
  index,
  shopId,
  error,
  onChange,
}: {
  line: NewLine;
  index: number;
  shopId: string;
  error: ApiError | undefined;
  onChange: (change: Partial<NewLine>) => void;
}) {
  const [picking, setPicking] = useState(false);
  const [note, setNote] = useState("");
  const pick = async (productId: string) => {
    const found = await api<OrderLine>("GET", `/api/products/${productId}/order-line?shopId=${shopId}`);
    onChange({
      mallItemCode: found.mallItemCode,
      mallSkuCode: found.mallSkuCode,
      name: found.name,
      ...(found.unitPrice === null ? {} : { unitPrice: found.unitPrice }),
    });
    setNote(
      found.mapped
        ? ""
        : "このショップの商品マッピングがないため、SKUを商品管理番号にしました。マッピングがないと引当されません。",
    );
    setPicking(false);
  };
  return (
    <div className="new-line">
      {picking ? (
        <ProductPicker initial="" onPick={(p) => void pick(p.id)} />
      ) : (
        <button type="button" className="button button-quiet" onClick={() => setPicking(true)}>
          商品から選ぶ
        </button>
      )}
      <span className="inline-group">
        <Field label="商品管理番号" path={`items.${index}.mallItemCode`} error={error}>
          <input
            value={line.mallItemCode}
            onChange={(e) => onChange({ mallItemCode: e.target.value, mallSkuCode: "" })}
          />
        </Field>
        <Field label="商品名" path={`items.${index}.name`} error={error}>
          <input value={line.name} onChange={(e) => onChange({ name: e.target.value })} />
        </Field>
      </span>
      {note && <p className="field-hint">{note}</p>}
    </div>
  );
}
