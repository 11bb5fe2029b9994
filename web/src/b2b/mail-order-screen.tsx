import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { ProductPicker } from "../catalog/product-picker.tsx";
import { navigate } from "../shell/router.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import { B2bHeader } from "./b2b-nav.tsx";
import type { Company, List, ShipToEntry } from "./types.ts";

type Line = { productId: string; label: string; quantity: string };

/**
 * メール発注: an order a buyer sent by mail (or fax, or phone), entered by the merchant on the buyer's
 * behalf. It is checked and registered like a 発注フォーム order, at the company's prices.
 */
export function MailOrderScreen() {
  const companies = useApi<List<Company>>("/api/b2b/companies");
  const [companyId, setCompanyId] = useState("");
  const shipTos = useApi<List<ShipToEntry>>(companyId ? `/api/b2b/companies/${companyId}/ship-to` : null);
  const [shipToId, setShipToId] = useState("");
  const [desiredDeliveryDate, setDate] = useState("");
  const [note, setNote] = useState("");
  const [lines, setLines] = useState<Line[]>([]);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const chosenShipTo = shipToId || shipTos.data?.items[0]?.id || "";
  const lineProblems = (index: number) =>
    (error?.errors ?? []).filter((e) => e.path.startsWith(`lines.${index}.`)).map((e) => e.message);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const placed = await api<{ orderId: string }>("POST", "/api/b2b/mail-orders", {
        companyId,
        shipToId: chosenShipTo,
        ...(desiredDeliveryDate ? { desiredDeliveryDate } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        lines: lines.map((l) => ({ productId: l.productId, quantity: Number(l.quantity) })),
      });
      navigate(`/orders/${placed.orderId}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
      setBusy(false);
    }
  };

  return (
    <section className="screen">
      <B2bHeader title="メール発注" />
      <form className="card settings-form" onSubmit={(e) => void submit(e)}>
        <Field label="取引先" path="companyId" error={error}>
          <select
            required
            value={companyId}
            onChange={(e) => {
              setCompanyId(e.target.value);
              setShipToId("");
            }}
          >
            <option value="">選んでください</option>
            {companies.data?.items
              .filter((c) => !c.disabled)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}({c.code})
                </option>
              ))}
          </select>
        </Field>
        <Field label="配送先" path="shipToId" error={error}>
          <select required value={chosenShipTo} onChange={(e) => setShipToId(e.target.value)}>
            {shipTos.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}({s.prefecture}
                {s.address1})
              </option>
            ))}
          </select>
        </Field>
        <Field label="納品希望日" path="desiredDeliveryDate" error={error}>
          <input type="date" value={desiredDeliveryDate} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field label="備考" path="note" error={error}>
          <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <fieldset className="span-all">
          <legend className="field-label">商品</legend>
          <ul className="plain-list">
            {lines.map((l, i) => (
              <li key={l.productId}>
                {l.label}{" "}
                <input
                  type="number"
                  min={1}
                  className="input-short"
                  aria-label={`${l.label}の数量`}
                  value={l.quantity}
                  onChange={(e) =>
                    setLines(lines.map((x, j) => (j === i ? { ...x, quantity: e.target.value } : x)))
                  }
                />
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setLines(lines.filter((_, j) => j !== i))}
                >
                  外す
                </button>
                {lineProblems(i).map((m) => (
                  <span key={m} className="field-error">
                    {m}
                  </span>
                ))}
              </li>
            ))}
          </ul>
          <ProductPicker
            initial=""
            onPick={(p) => {
              if (!lines.some((l) => l.productId === p.id))
                setLines([...lines, { productId: p.id, label: `${p.sku} ${p.name}`, quantity: "1" }]);
            }}
          />
        </fieldset>
        <ErrorNotice error={companies.error ?? error} />
        <div className="action-row">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || !companyId || !lines.length}
          >
            {busy ? "登録中…" : "メール発注を登録"}
          </button>
        </div>
      </form>
    </section>
  );
}
