import { type FormEvent, useMemo, useState } from "react";
import { ApiError, api, query } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { yen } from "../format.ts";
import { navigate } from "../shell/router.tsx";
import { Field } from "../ui/field.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { CatalogueLine } from "./catalogue-line.tsx";
import { BUYER } from "./paths.ts";
import type { BuyerOrder, CataloguePage, ShipTo } from "./types.ts";

/**
 * 発注フォーム: the merchant's catalogue at this company's prices. The API checks 最小発注数 and 発注単位
 * and names each line at fault; its messages are shown under that line.
 */
export function OrderFormScreen() {
  const [q, setQ] = useState("");
  const catalogue = useApi<CataloguePage>(`/api/buyer/catalogue${query({ q })}`);
  const shipTos = useApi<{ items: ShipTo[] }>("/api/buyer/ship-to");
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [form, setForm] = useState({ shipToId: "", desiredDeliveryDate: "", note: "" });
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  // Remembered across searches, so a line chosen before a new search is still ordered.
  const [known, setKnown] = useState<Record<string, { unitPrice: number }>>({});
  const items = catalogue.data?.items ?? [];
  const lines = useMemo(
    () =>
      Object.entries(quantities)
        .filter(([, v]) => v.trim() !== "" && Number(v) > 0)
        .map(([productId, v]) => ({ productId, quantity: Number(v) })),
    [quantities],
  );
  const total = lines.reduce((sum, l) => sum + (known[l.productId]?.unitPrice ?? 0) * l.quantity, 0);
  const shipToId = form.shipToId || shipTos.data?.items[0]?.id || "";

  const problemsOf = (productId: string) => {
    const index = lines.findIndex((l) => l.productId === productId);
    if (index < 0 || !error) return [];
    return error.errors.filter((e) => e.path.startsWith(`lines.${index}.`)).map((e) => e.message);
  };
  const setQuantity = (productId: string, unitPrice: number, value: string) => {
    setQuantities({ ...quantities, [productId]: value });
    setKnown({ ...known, [productId]: { unitPrice } });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const placed = await api<BuyerOrder>("POST", "/api/buyer/orders", {
        shipToId,
        ...(form.desiredDeliveryDate ? { desiredDeliveryDate: form.desiredDeliveryDate } : {}),
        ...(form.note.trim() ? { note: form.note.trim() } : {}),
        lines,
      });
      navigate(`${BUYER.order(placed.id)}?placed=1`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
      setBusy(false);
    }
  };

  return (
    <form className="buyer-screen" onSubmit={(e) => void submit(e)} aria-busy={catalogue.loading}>
      <h1>発注フォーム</h1>
      <Field label="商品を検索(商品名・品番)">
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </Field>
      <ErrorNotice error={catalogue.error} />
      {!catalogue.data ? (
        !catalogue.error && <Loading />
      ) : items.length === 0 ? (
        <Empty>
          <p>該当する商品はありません。</p>
        </Empty>
      ) : (
        <ul className="buyer-lines" aria-label="商品">
          {items.map((item) => (
            <CatalogueLine
              key={item.productId}
              item={item}
              quantity={quantities[item.productId] ?? ""}
              problems={problemsOf(item.productId)}
              onChange={(v) => setQuantity(item.productId, item.unitPrice, v)}
            />
          ))}
        </ul>
      )}
      <section className="buyer-card buyer-order-facts" aria-label="お届け">
        <Field label="配送先" path="shipToId" error={error}>
          <select value={shipToId} onChange={(e) => setForm({ ...form, shipToId: e.target.value })} required>
            {(shipTos.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}({s.prefecture}
                {s.address1})
              </option>
            ))}
          </select>
        </Field>
        <Field label="納品希望日" path="desiredDeliveryDate" error={error}>
          <input
            type="date"
            value={form.desiredDeliveryDate}
            onChange={(e) => setForm({ ...form, desiredDeliveryDate: e.target.value })}
          />
        </Field>
        <Field label="備考" path="note" error={error}>
          <textarea rows={2} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
        </Field>
      </section>
      <ErrorNotice error={error} />
      <div className="buyer-submit">
        <span>
          {lines.length}品目 ・ 小計 <strong>{yen(total)}</strong>
        </span>
        <button type="submit" className="button button-primary" disabled={busy || lines.length === 0}>
          {busy ? "送信中…" : "発注する"}
        </button>
      </div>
    </form>
  );
}
