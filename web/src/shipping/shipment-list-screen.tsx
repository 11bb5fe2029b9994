import { type FormEvent, useEffect, useMemo, useState } from "react";
import { query } from "../api/client.ts";
import type { LeftOutSlip, ShipmentList } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count } from "../format.ts";
import { SavedSearchTabs } from "../lists/saved-search-tabs.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { Link, navigate, useLocation } from "../shell/router.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { LeftOutSlips } from "./left-out-slips.tsx";
import { dateParams, ShipmentDateFilters, shipmentDateQuery } from "./shipment-date-filters.tsx";
import { ShipmentTable } from "./shipment-table.tsx";
import { ShippingNav } from "./shipping-nav.tsx";
import { StockRoomBar } from "./stock-room-bar.tsx";

const PAGE_SIZE = 100;
const REFRESH_MS = 20_000;

type Filters = { status: string; warehouse: string; q: string; page: number; dates: Record<string, string> };

const listHref = (f: Filters) =>
  `/shipments${query({ ...f.dates, status: f.status, warehouse: f.warehouse, q: f.q, page: f.page > 1 ? f.page : undefined })}`;

/** 出荷一覧: every shipment by shipping status (`?status=&warehouse=&q=&page=`). */
export function ShipmentListScreen() {
  const { vocabulary, warehouses } = useReference();
  const { search } = useLocation();
  const filters = useMemo<Filters>(
    () => ({
      status: search.get("status") ?? "",
      warehouse: search.get("warehouse") ?? "",
      q: search.get("q") ?? "",
      page: Math.max(1, Number(search.get("page")) || 1),
      dates: dateParams(search),
    }),
    [search],
  );
  const list = useApi<ShipmentList>(
    `/api/shipments${query({
      status: filters.status,
      warehouseId: filters.warehouse,
      q: filters.q,
      limit: PAGE_SIZE,
      offset: (filters.page - 1) * PAGE_SIZE,
      ...shipmentDateQuery(search),
    })}`,
    REFRESH_MS,
  );
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [leftOut, setLeftOut] = useState<LeftOutSlip[]>([]);
  const scope = `${filters.status}|${filters.warehouse}|${filters.q}|${filters.page}|${JSON.stringify(filters.dates)}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts a new selection.
  useEffect(() => setSelected(new Set()), [scope]);

  const data = list.data;
  const counts = data?.counts ?? {};
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const tabs = [{ code: "", label: "すべて", n: all }].concat(
    vocabulary.shippingStatuses.map((s) => ({ code: s.code, label: s.label, n: counts[s.code] ?? 0 })),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(listHref({ ...filters, q: q.trim(), page: 1 }));
  };
  const chosen = data?.items.filter((s) => selected.has(s.id)) ?? [];
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));

  return (
    <section className="screen" aria-busy={list.loading}>
      <header className="screen-header">
        <h1>出荷一覧</h1>
      </header>
      <ShippingNav />
      <SavedSearchTabs screen="shipments" base="/shipments" search={search} />
      <nav className="status-tabs" aria-label="出荷ステータス">
        {tabs.map((t) => (
          <Link
            key={t.code || "all"}
            to={listHref({ ...filters, status: t.code, page: 1 })}
            className={`status-tab status-tab-${t.code || "all"}`}
            aria-current={filters.status === t.code ? "page" : undefined}
          >
            <span className="status-tab-label">{t.label}</span>
            <span className="status-tab-count">{data ? count(t.n) : "…"}</span>
          </Link>
        ))}
      </nav>
      <form className="filters" onSubmit={submit} aria-label="出荷の検索">
        <div className="filters-row">
          <label className="inline-field">
            <span className="field-label">倉庫</span>
            <select
              aria-label="倉庫"
              value={filters.warehouse}
              onChange={(e) => navigate(listHref({ ...filters, warehouse: e.target.value, page: 1 }))}
            >
              <option value="">すべての倉庫</option>
              {warehouses.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
          <input
            className="filters-q"
            type="search"
            aria-label="出荷番号・注文番号・送付先・伝票番号で検索"
            placeholder="出荷番号・注文番号・送付先・伝票番号"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit" className="button button-primary">
            検索
          </button>
        </div>
        <ShipmentDateFilters search={search} />
      </form>
      {chosen.length > 0 && (
        <StockRoomBar shipments={chosen} onClear={() => setSelected(new Set())} onLeftOut={setLeftOut} />
      )}
      <LeftOutSlips slips={leftOut} onClose={() => setLeftOut([])} />
      <ErrorNotice error={list.error} />
      {!data ? (
        !list.error && <Loading />
      ) : data.items.length === 0 ? (
        <Empty>条件に合う出荷はありません。</Empty>
      ) : (
        <div className={list.loading ? "is-reloading" : undefined}>
          <ShipmentTable
            shipments={data.items}
            selected={selected}
            onSelect={setSelected}
            leftOut={leftOut}
            onChanged={list.reload}
          />
          <nav className="pager" aria-label="ページ">
            <span>
              {count(data.total)}件中 {count((filters.page - 1) * PAGE_SIZE + 1)}〜
              {count((filters.page - 1) * PAGE_SIZE + data.items.length)}件
            </span>
            <button
              type="button"
              className="button"
              disabled={filters.page <= 1}
              onClick={() => navigate(listHref({ ...filters, page: filters.page - 1 }))}
            >
              ← 前へ
            </button>
            <button
              type="button"
              className="button"
              disabled={filters.page >= pages}
              onClick={() => navigate(listHref({ ...filters, page: filters.page + 1 }))}
            >
              次へ →
            </button>
          </nav>
        </div>
      )}
    </section>
  );
}
