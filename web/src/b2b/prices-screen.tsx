import { useEffect, useMemo, useState } from "react";
import { ApiError, api, query } from "../api/client.ts";
import type { ProductPage } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { useCan } from "../session/can.tsx";
import { navigate, useLocation } from "../shell/router.tsx";
import { ErrorNotice, Loading, Notice } from "../ui/states.tsx";
import { B2bHeader } from "./b2b-nav.tsx";
import type { Company, List, Price } from "./types.ts";

type Draft = { unitPrice: string; minQuantity: string; lotQuantity: string };

/**
 * 価格: BtoB prices for one company or one 価格ランク, with 最小発注数 and 発注単位. A company's own price
 * wins over its rank's; a product with neither is not on its 発注フォーム at a BtoB price.
 */
export function PricesScreen() {
  const { search } = useLocation();
  const companyId = search.get("companyId") ?? "";
  const rank = search.get("rank") ?? "";
  const target = companyId ? { companyId } : rank ? { rank } : null;
  const companies = useApi<List<Company>>("/api/b2b/companies");
  const products = useApi<ProductPage>("/api/products?limit=500");
  const prices = useApi<List<Price>>(target ? `/api/b2b/prices${query(target)}` : null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const writable = useCan("b2b:write");
  const ranks = useMemo(
    () => [...new Set((companies.data?.items ?? []).flatMap((c) => (c.rank ? [c.rank] : [])))].sort(),
    [companies.data],
  );
  useEffect(() => {
    const next: Record<string, Draft> = {};
    for (const p of prices.data?.items ?? [])
      next[p.productId] = {
        unitPrice: String(p.unitPrice),
        minQuantity: String(p.minQuantity),
        lotQuantity: String(p.lotQuantity),
      };
    setDrafts(next);
  }, [prices.data]);

  const choose = (value: string) => {
    setSaved(false);
    const [kind, v] = value.split(":", 2);
    navigate(
      `/b2b/prices${query(kind === "company" ? { companyId: v } : kind === "rank" ? { rank: v } : {})}`,
    );
  };
  const set = (productId: string, key: keyof Draft, value: string) => {
    setSaved(false);
    setDrafts({
      ...drafts,
      [productId]: { unitPrice: "", minQuantity: "1", lotQuantity: "1", ...drafts[productId], [key]: value },
    });
  };
  const save = async () => {
    if (!target) return;
    setError(undefined);
    setSaved(false);
    const items = Object.entries(drafts)
      .filter(([, d]) => d.unitPrice.trim() !== "")
      .map(([productId, d]) => ({
        productId,
        ...target,
        unitPrice: Number(d.unitPrice),
        minQuantity: Number(d.minQuantity || 1),
        lotQuantity: Number(d.lotQuantity || 1),
      }));
    try {
      await api("PUT", "/api/b2b/prices", { items });
      setSaved(true);
      prices.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  const problems = (index: number) =>
    (error?.errors ?? []).filter((e) => e.path.startsWith(`items.${index}.`)).map((e) => e.message);
  const withPrice = Object.entries(drafts)
    .filter(([, d]) => d.unitPrice.trim() !== "")
    .map(([id]) => id);

  return (
    <section className="screen">
      <B2bHeader title="価格" />
      <label className="field inline-field">
        <span className="field-label">対象</span>
        <select
          aria-label="価格の対象"
          value={companyId ? `company:${companyId}` : rank ? `rank:${rank}` : ""}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">取引先または価格ランクを選ぶ</option>
          <optgroup label="取引先">
            {companies.data?.items.map((c) => (
              <option key={c.id} value={`company:${c.id}`}>
                {c.name}({c.code})
              </option>
            ))}
          </optgroup>
          <optgroup label="価格ランク">
            {ranks.map((r) => (
              <option key={r} value={`rank:${r}`}>
                ランク {r}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <ErrorNotice error={companies.error ?? products.error ?? prices.error} />
      {target && (!products.data || !prices.data) && <Loading />}
      {target && products.data && prices.data && (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>SKU</th>
                  <th>商品名</th>
                  <th className="num">単価(円)</th>
                  <th className="num">最小発注数</th>
                  <th className="num">発注単位</th>
                </tr>
              </thead>
              <tbody>
                {products.data.items.map((p) => {
                  const d = drafts[p.id];
                  const errors = problems(withPrice.indexOf(p.id));
                  return (
                    <tr key={p.id} data-sku={p.sku}>
                      <td>
                        <code>{p.sku}</code>
                      </td>
                      <td>
                        {p.name}
                        {errors.map((m) => (
                          <span key={m} className="field-error">
                            {m}
                          </span>
                        ))}
                      </td>
                      {(["unitPrice", "minQuantity", "lotQuantity"] as const).map((key) => (
                        <td key={key} className="num">
                          <input
                            type="number"
                            min={key === "unitPrice" ? 0 : 1}
                            className="input-short"
                            aria-label={`${p.name}の${key === "unitPrice" ? "単価" : key === "minQuantity" ? "最小発注数" : "発注単位"}`}
                            disabled={!writable || prices.loading || (key !== "unitPrice" && !d?.unitPrice)}
                            value={d?.[key] ?? ""}
                            onChange={(e) => set(p.id, key, e.target.value)}
                          />
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ErrorNotice error={error} />
          {saved && <Notice>価格を保存しました。</Notice>}
          {writable && (
            <div className="action-row">
              <button type="button" className="button button-primary" onClick={() => void save()}>
                価格を保存
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
