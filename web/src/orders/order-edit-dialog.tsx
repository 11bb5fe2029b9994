import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Order } from "../api/types.ts";
import { yen } from "../format.ts";
import { useReference } from "../shell/reference-data.tsx";
import { CodedSelect } from "../ui/coded-select.tsx";
import { Dialog } from "../ui/dialog.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import { type NewLine, NewLineFields } from "./order-edit-line.tsx";

/** A kept line (its id) or one being added (no id, with the shop's item code). */
type Line = NewLine & { id?: string; quantity: number };

const str = (v: unknown) => (typeof v === "string" ? v : "");
const num = (v: string) => (v.trim() === "" ? 0 : Number(v));

/** What the mall hears of an edit, said before saving as well as on the timeline. */
export function MallEditNotice({ order }: { order: Order }) {
  if (order.mallEdit === "none") return null;
  return order.mallEdit === "told" ? (
    <p className="notice">この変更はモールにも反映します。</p>
  ) : (
    <p className="notice">モールには反映されません。必要ならモールの管理画面でも同じ変更をしてください。</p>
  );
}

/**
 * 受注修正: ship-to, lines, amounts, payment and 配送方法 in one form. The API re-allocates stock and
 * recomputes the total; a refused field is shown by the field, a stale version says to reload.
 */
export function OrderEditDialog({
  order,
  onClose,
  onSaved,
}: {
  order: Order;
  onClose: () => void;
  onSaved: (order: Order) => void;
}) {
  const { vocabulary } = useReference();
  const [shipTo, setShipTo] = useState({
    name: str(order.shipTo.name),
    postalCode: str(order.shipTo.postalCode),
    prefecture: str(order.shipTo.prefecture),
    address1: str(order.shipTo.address1),
    address2: str(order.shipTo.address2),
    phone: str(order.shipTo.phone),
  });
  const [lines, setLines] = useState<Line[]>(
    order.items.map((i) => ({
      id: i.id,
      mallItemCode: i.mallItemCode,
      name: i.name,
      unitPrice: i.unitPrice,
      quantity: i.quantity,
    })),
  );
  const [shippingFee, setShippingFee] = useState(order.shippingFee === null ? "" : String(order.shippingFee));
  const [fees, setFees] = useState(order.fees === null ? "" : String(order.fees));
  const [discount, setDiscount] = useState(String(order.couponDiscount));
  const [paymentMethod, setPaymentMethod] = useState(order.paymentMethod);
  const live = order.shipments.filter((s) => s.status !== "cancelled");
  const [service, setService] = useState(live[0]?.shippingService ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const subtotal = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
  const total =
    shippingFee === "" || fees === ""
      ? null
      : subtotal + num(shippingFee) + num(fees) - num(discount) - order.pointsUsed;
  const setLine = (index: number, change: Partial<Line>) =>
    setLines(lines.map((l, i) => (i === index ? { ...l, ...change } : l)));

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api<Order>("PATCH", `/api/orders/${order.id}`, {
        version: order.version,
        shipTo: { ...shipTo, address2: shipTo.address2 || undefined },
        items: lines.map((l) =>
          l.id
            ? { id: l.id, quantity: l.quantity }
            : {
                mallItemCode: l.mallItemCode,
                ...(l.mallSkuCode ? { mallSkuCode: l.mallSkuCode } : {}),
                name: l.name,
                unitPrice: l.unitPrice,
                quantity: l.quantity,
              },
        ),
        amounts: {
          ...(shippingFee === "" ? {} : { shippingFee: num(shippingFee) }),
          ...(fees === "" ? {} : { fees: num(fees) }),
          couponDiscount: num(discount),
        },
        paymentMethod,
        ...(live.length > 0 ? { shippingService: service || null } : {}),
      });
      onSaved(saved);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="受注を修正" onClose={onClose} wide>
      <MallEditNotice order={order} />
      <fieldset>
        <legend>送付先</legend>
        <div className="form-row">
          <Field label="氏名" path="shipTo.name" error={error}>
            <input value={shipTo.name} onChange={(e) => setShipTo({ ...shipTo, name: e.target.value })} />
          </Field>
          <Field label="郵便番号" path="shipTo.postalCode" error={error}>
            <input
              value={shipTo.postalCode}
              onChange={(e) => setShipTo({ ...shipTo, postalCode: e.target.value })}
            />
          </Field>
          <Field label="都道府県" path="shipTo.prefecture" error={error}>
            <select
              value={shipTo.prefecture}
              onChange={(e) => setShipTo({ ...shipTo, prefecture: e.target.value })}
            >
              {vocabulary.prefectures.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </Field>
          <Field label="住所" path="shipTo.address1" error={error}>
            <input
              value={shipTo.address1}
              onChange={(e) => setShipTo({ ...shipTo, address1: e.target.value })}
            />
          </Field>
          <Field label="建物名など" path="shipTo.address2" error={error}>
            <input
              value={shipTo.address2}
              onChange={(e) => setShipTo({ ...shipTo, address2: e.target.value })}
            />
          </Field>
          <Field label="電話番号" path="shipTo.phone" error={error}>
            <input value={shipTo.phone} onChange={(e) => setShipTo({ ...shipTo, phone: e.target.value })} />
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>商品</legend>
        <table className="table">
          <thead>
            <tr>
              <th>商品</th>
              <th className="num">単価</th>
              <th className="num">数量</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map((l, index) => (
              <tr key={l.id ?? `new-${index}`}>
                <td>
                  {l.id ? (
                    l.name
                  ) : (
                    <NewLineFields
                      line={l}
                      index={index}
                      shopId={order.shopId}
                      error={error}
                      onChange={(change) => setLine(index, change)}
                    />
                  )}
                </td>
                <td className="num">
                  {l.id ? (
                    yen(l.unitPrice)
                  ) : (
                    <input
                      aria-label="単価"
                      inputMode="numeric"
                      value={l.unitPrice}
                      onChange={(e) => setLine(index, { unitPrice: num(e.target.value) })}
                    />
                  )}
                </td>
                <td className="num">
                  <Field label="数量" path={`items.${index}.quantity`} error={error}>
                    <input
                      type="number"
                      min={1}
                      aria-label={`${l.name || "追加商品"}の数量`}
                      value={l.quantity}
                      onChange={(e) => setLine(index, { quantity: num(e.target.value) })}
                    />
                  </Field>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-danger-quiet"
                    onClick={() => setLines(lines.filter((_, i) => i !== index))}
                  >
                    削除
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {(error?.errors ?? [])
          .filter((e) => e.path === "items" || /^items\.\d+\.id$/.test(e.path))
          .map((e) => (
            <p key={e.path} className="field-error">
              {e.message}
            </p>
          ))}
        <button
          type="button"
          className="button"
          onClick={() => setLines([...lines, { mallItemCode: "", name: "", unitPrice: 0, quantity: 1 }])}
        >
          商品を追加
        </button>
      </fieldset>
      <fieldset>
        <legend>金額・支払・配送</legend>
        <div className="form-row">
          <Field label="送料" path="amounts.shippingFee" error={error} hint="空欄は未確定">
            <input inputMode="numeric" value={shippingFee} onChange={(e) => setShippingFee(e.target.value)} />
          </Field>
          <Field label="手数料" path="amounts.fees" error={error}>
            <input inputMode="numeric" value={fees} onChange={(e) => setFees(e.target.value)} />
          </Field>
          <Field label="値引き" path="amounts.couponDiscount" error={error}>
            <input inputMode="numeric" value={discount} onChange={(e) => setDiscount(e.target.value)} />
          </Field>
          <Field label="支払方法" path="paymentMethod" error={error}>
            <CodedSelect
              options={vocabulary.paymentMethods}
              value={paymentMethod}
              onChange={setPaymentMethod}
            />
          </Field>
          <Field label="配送方法" path="shippingService" error={error}>
            <CodedSelect
              options={vocabulary.shippingServices}
              value={service}
              onChange={setService}
              empty="商品の既定"
            />
          </Field>
        </div>
        <p>
          商品小計 {yen(subtotal)} ・ 請求金額(見込み) <strong>{yen(total)}</strong>
        </p>
      </fieldset>
      <ErrorNotice error={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          やめる
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
          {busy ? "保存中…" : "変更を保存"}
        </button>
      </div>
    </Dialog>
  );
}
