import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { ProductPage } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { useReference } from "../shell/reference-data.tsx";
import { navigate } from "../shell/router.tsx";
import { CodedSelect } from "../ui/coded-select.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";

type Line = { mallItemCode: string; name: string; unitPrice: string; quantity: string };
const emptyLine = (): Line => ({ mallItemCode: "", name: "", unitPrice: "", quantity: "1" });

/** A number no mall will hand out: the date and time of entry, which the merchant may change. */
function suggestedNumber(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `M${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** 受注登録: one order entered by hand (phone, fax, shop counter), through the same pipeline as every order. */
export function OrderEntryScreen() {
  const { shops, vocabulary } = useReference();
  const products = useApi<ProductPage>("/api/products?limit=500");
  const [shopId, setShopId] = useState(shops.find((s) => s.channel === "manual")?.id ?? shops[0]?.id ?? "");
  const [number, setNumber] = useState(suggestedNumber);
  const [buyer, setBuyer] = useState({ name: "", email: "", phone: "" });
  const [shipTo, setShipTo] = useState({
    name: "",
    postalCode: "",
    prefecture: "",
    address1: "",
    address2: "",
    phone: "",
  });
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const [shippingFee, setShippingFee] = useState("0");
  const [paymentMethod, setPaymentMethod] = useState(vocabulary.paymentMethods[0]?.code ?? "");
  const [paid, setPaid] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const lookUp = async () => {
    const code = shipTo.postalCode.trim();
    if (!/^\d{3}-?\d{4}$/.test(code)) return;
    const found = await api<{ items: { prefecture: string; city: string; town: string }[] }>(
      "GET",
      `/api/postal-codes/${code}`,
    ).catch(() => ({ items: [] }));
    const first = found.items[0];
    if (first)
      setShipTo((s) => ({
        ...s,
        prefecture: first.prefecture,
        address1: s.address1 || `${first.city}${first.town}`,
      }));
  };
  const setLine = (i: number, patch: Partial<Line>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const pickProduct = (i: number, code: string) => {
    const product = products.data?.items.find((p) => p.sku === code);
    setLine(i, product ? { mallItemCode: code, name: product.name } : { mallItemCode: code });
  };
  const int = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const order = await api<{ id: string }>("POST", "/api/orders", {
        shopId,
        mallOrderNumber: number,
        buyer: { name: buyer.name, email: buyer.email, ...(buyer.phone ? { phone: buyer.phone } : {}) },
        shipTo: { ...shipTo, address2: shipTo.address2 || undefined },
        paymentMethod,
        paid,
        items: lines.map((l) => ({
          mallItemCode: l.mallItemCode,
          name: l.name,
          unitPrice: int(l.unitPrice),
          quantity: int(l.quantity),
        })),
        shippingFee: int(shippingFee),
      });
      navigate(`/orders/${order.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };

  const buyerField = (key: keyof typeof buyer, label: string) => (
    <Field label={label} path={`buyer.${key}`} error={error}>
      <input value={buyer[key]} onChange={(e) => setBuyer({ ...buyer, [key]: e.target.value })} />
    </Field>
  );
  const shipField = (key: keyof typeof shipTo, label: string) => (
    <Field label={label} path={`shipTo.${key}`} error={error}>
      <input value={shipTo[key]} onChange={(e) => setShipTo({ ...shipTo, [key]: e.target.value })} />
    </Field>
  );
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>受注登録</h1>
      </header>
      <form className="card settings-form" aria-label="受注登録" onSubmit={(e) => void submit(e)}>
        <Field label="ショップ" path="shopId" error={error}>
          <select value={shopId} onChange={(e) => setShopId(e.target.value)}>
            {shops.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}({s.channelLabel})
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="注文番号"
          path="mallOrderNumber"
          error={error}
          hint="ショップ内で重複しない番号(自動で提案しています)"
        >
          <input value={number} onChange={(e) => setNumber(e.target.value)} />
        </Field>
        <fieldset>
          <legend>購入者</legend>
          {buyerField("name", "購入者名")}
          {buyerField("email", "メールアドレス")}
          {buyerField("phone", "電話番号")}
        </fieldset>
        <fieldset>
          <legend>送付先</legend>
          {shipField("name", "送付先氏名")}
          <Field
            label="郵便番号"
            path="shipTo.postalCode"
            error={error}
            hint="入力すると都道府県と住所を補います"
          >
            <input
              value={shipTo.postalCode}
              onChange={(e) => setShipTo({ ...shipTo, postalCode: e.target.value })}
              onBlur={() => void lookUp()}
            />
          </Field>
          <Field label="都道府県" path="shipTo.prefecture" error={error}>
            <select
              value={shipTo.prefecture}
              onChange={(e) => setShipTo({ ...shipTo, prefecture: e.target.value })}
            >
              <option value="">選択してください</option>
              {vocabulary.prefectures.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </Field>
          {shipField("address1", "住所1(市区町村・番地)")}
          {shipField("address2", "住所2(建物名など)")}
          {shipField("phone", "送付先電話番号")}
        </fieldset>
        <fieldset>
          <legend>商品</legend>
          <datalist id="product-codes">
            {products.data?.items.map((p) => (
              <option key={p.id} value={p.sku}>
                {p.name}
              </option>
            ))}
          </datalist>
          {lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id before they are saved.
            <div key={i} className="action-row" data-line={i + 1}>
              <Field label="商品コード" path={`items.${i}.mallItemCode`} error={error}>
                <input
                  list="product-codes"
                  value={l.mallItemCode}
                  onChange={(e) => pickProduct(i, e.target.value)}
                />
              </Field>
              <Field label="商品名" path={`items.${i}.name`} error={error}>
                <input value={l.name} onChange={(e) => setLine(i, { name: e.target.value })} />
              </Field>
              <Field label="単価" path={`items.${i}.unitPrice`} error={error}>
                <input
                  inputMode="numeric"
                  value={l.unitPrice}
                  onChange={(e) => setLine(i, { unitPrice: e.target.value })}
                />
              </Field>
              <Field label="数量" path={`items.${i}.quantity`} error={error}>
                <input
                  inputMode="numeric"
                  value={l.quantity}
                  onChange={(e) => setLine(i, { quantity: e.target.value })}
                />
              </Field>
              {lines.length > 1 && (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setLines(lines.filter((_, j) => j !== i))}
                >
                  削除
                </button>
              )}
            </div>
          ))}
          <button type="button" className="button" onClick={() => setLines([...lines, emptyLine()])}>
            明細を追加
          </button>
        </fieldset>
        <Field label="送料" path="shippingFee" error={error}>
          <input inputMode="numeric" value={shippingFee} onChange={(e) => setShippingFee(e.target.value)} />
        </Field>
        <Field label="支払方法" path="paymentMethod" error={error}>
          <CodedSelect
            options={vocabulary.paymentMethods}
            value={paymentMethod}
            onChange={setPaymentMethod}
          />
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={paid} onChange={(e) => setPaid(e.target.checked)} /> 入金済み
        </label>
        <div className="action-row">
          <button type="submit" className="button button-primary" disabled={busy || !shopId}>
            {busy ? "登録中…" : "登録する"}
          </button>
        </div>
        <ErrorNotice error={error} title="登録できませんでした" />
      </form>
    </section>
  );
}
