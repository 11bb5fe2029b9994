import { type FormEvent, useState } from "react";
import { ApiError, api, query } from "../api/client.ts";
import type { Product, ProductPage } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count } from "../format.ts";
import { Can } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { Field } from "../ui/field.tsx";
import { Empty, ErrorNotice, Loading, Notice } from "../ui/states.tsx";
import { DeliveryConditionsCsv } from "./delivery-conditions-csv.tsx";
import { DeliveryConditionsEditor } from "./delivery-conditions-editor.tsx";
import { ShippingDefaults } from "./shipping-defaults.tsx";
import { StockEditor } from "./stock-editor.tsx";
import { StockHistory } from "./stock-history.tsx";

/**
 * 商品・在庫: every product with its stock per warehouse, searchable, stock editable in place. A line
 * with nothing left to sell (有効 ≤ 0) stands out, with what the orders waiting for it still need.
 */
export function ProductsScreen() {
  const { warehouses } = useReference();
  const [q, setQ] = useState("");
  const [applied, setApplied] = useState("");
  const [cursors, setCursors] = useState<string[]>([""]);
  const cursor = cursors.at(-1) ?? "";
  const list = useApi<ProductPage>(`/api/products${query({ q: applied, cursor, limit: 50 })}`);
  const [open, setOpen] = useState<{ id: string; panel: Panel }>();

  const search = (event: FormEvent) => {
    event.preventDefault();
    setApplied(q.trim());
    setCursors([""]);
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>商品・在庫</h1>
      </header>
      <Can permission="catalog:write">
        <NewProduct onCreated={list.reload} />
      </Can>
      <DeliveryConditionsCsv onImported={list.reload} />
      <form className="filters filters-row" onSubmit={search}>
        <input
          type="search"
          aria-label="SKU・商品名で検索"
          placeholder="SKU・商品名"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="button">
          検索
        </button>
      </form>
      <ErrorNotice error={list.error} />
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>
          {applied
            ? "該当する商品はありません。"
            : "商品はまだありません。上のフォームから登録してください。"}
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="table products-table">
            <thead>
              <tr>
                <th>SKU</th>
                <th>商品名</th>
                {warehouses.map((w) => (
                  <th key={w.id} className="num">
                    {w.name}
                    <br />
                    <small>在庫 / 引当 / 有効</small>
                  </th>
                ))}
                <th>配送サービス・温度帯</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((p) => (
                <ProductRow
                  key={p.id}
                  product={p}
                  panel={open?.id === p.id ? open.panel : undefined}
                  onOpen={(panel) => setOpen(panel ? { id: p.id, panel } : undefined)}
                  onSaved={list.reload}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && (
        <nav className="pager" aria-label="ページ">
          <span>{count(list.data.total)}件</span>
          <button
            type="button"
            className="button"
            disabled={cursors.length < 2}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            ← 前へ
          </button>
          <button
            type="button"
            className="button"
            disabled={!list.data.nextCursor}
            onClick={() => setCursors([...cursors, list.data?.nextCursor ?? ""])}
          >
            次へ →
          </button>
        </nav>
      )}
    </section>
  );
}

type Panel = "edit" | "history";

function ProductRow({
  product,
  panel,
  onOpen,
  onSaved,
}: {
  product: Product;
  panel: Panel | undefined;
  onOpen: (panel: Panel | undefined) => void;
  onSaved: () => void;
}) {
  const toggle = (which: Panel) => onOpen(panel === which ? undefined : which);
  return (
    <>
      <tr data-sku={product.sku}>
        <td>
          <code>{product.sku}</code>
        </td>
        <td>{product.name}</td>
        {product.stock.map((s) => (
          <td
            key={s.warehouseId}
            className={`num nowrap${s.available <= 0 ? " stock-out" : ""}`}
            data-warehouse={s.warehouseName}
          >
            {count(s.onHand)} / {count(s.allocated)} / <strong>{count(s.available)}</strong>
            {s.available <= 0 && <span className="badge badge-stock-out">在庫切れ</span>}
            {s.waitingNeed > 0 && (
              <div className="stock-waiting">引当待ちの注文にあと{count(s.waitingNeed)}個</div>
            )}
          </td>
        ))}
        <td>
          <ShippingDefaults product={product} onSaved={onSaved} />
          <DeliveryConditionsEditor product={product} />
        </td>
        <td className="nowrap">
          <Can permission="stock:write">
            <button
              type="button"
              className="button button-quiet"
              aria-expanded={panel === "edit"}
              onClick={() => toggle("edit")}
            >
              在庫を編集
            </button>
          </Can>
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={panel === "history"}
            onClick={() => toggle("history")}
          >
            在庫履歴
          </button>
        </td>
      </tr>
      {panel && (
        <tr className="row-editor">
          <td colSpan={product.stock.length + 4}>
            {panel === "edit" ? (
              <StockEditor
                product={product}
                onDone={() => {
                  onOpen(undefined);
                  onSaved();
                }}
              />
            ) : (
              <StockHistory product={product} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function NewProduct({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState({ sku: "", name: "" });
  const [error, setError] = useState<ApiError>();
  const [created, setCreated] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const product = await api<Product>("POST", "/api/products", form);
      setCreated(product.sku);
      setForm({ sku: "", name: "" });
      onCreated();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    }
  };
  return (
    <details className="card">
      <summary>商品を登録</summary>
      <form className="form-row" onSubmit={submit}>
        <Field label="SKU" path="sku" error={error}>
          <input required value={form.sku} onChange={(e) => setForm({ ...form, sku: e.target.value })} />
        </Field>
        <Field label="商品名" path="name" error={error}>
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <button type="submit" className="button button-primary">
          登録
        </button>
      </form>
      <ErrorNotice error={error} />
      {created && <Notice>商品 {created} を登録しました。</Notice>}
    </details>
  );
}
