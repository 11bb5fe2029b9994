import { useCallback, useEffect, useMemo, useState } from "react";
import type { BulkAction, OrderPage, StatusCounts } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count } from "../format.ts";
import { SavedSearchTabs } from "../lists/saved-search-tabs.tsx";
import { useCan } from "../session/can.tsx";
import { navigate, useLocation } from "../shell/router.tsx";
import { CursorPager } from "../ui/cursor-pager.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { BULK_LABELS, BulkDialog, type Selection } from "./bulk-dialog.tsx";
import { countsPath, filtersFrom, listHref, ordersPath, PAGE_SIZE } from "./list-query.ts";
import { useListShortcuts } from "./list-shortcuts.tsx";
import { ListTools } from "./list-tools.tsx";
import { OrderFilters } from "./order-filters.tsx";
import { OrderTable } from "./order-table.tsx";
import { StatusTabs } from "./status-tabs.tsx";

/** Tabs refresh on their own: new orders arrive and move on while the merchant works the list. */
const COUNTS_REFRESH_MS = 20_000;

const NO_ROWS: OrderPage["items"] = [];

export function OrderListScreen() {
  const { search } = useLocation();
  const filters = useMemo(() => filtersFrom(search), [search]);
  const list = useApi<OrderPage>(ordersPath(filters));
  const counts = useApi<StatusCounts>(countsPath(filters), COUNTS_REFRESH_MS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [action, setAction] = useState<BulkAction>();
  const canWrite = useCan("orders:write");
  // Cursors of the pages before this one: the API pages forward only.
  const [previous, setPrevious] = useState<string[]>([]);
  const withoutCursor = listHref({ ...filters, cursor: "" });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts a new selection.
  useEffect(() => {
    setSelected(new Set());
    setAllMatching(false);
    setPrevious([]);
  }, [withoutCursor]);

  const select = useCallback((ids: string[], on: boolean) => {
    setSelected((before) => {
      const next = new Set(before);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });
    setAllMatching(false);
  }, []);
  const page = list.data;
  const keys = useListShortcuts(page?.items ?? NO_ROWS, selected, select);
  const total = page?.total ?? 0;
  const selection: Selection = allMatching
    ? { allMatching: { ...filters, cursor: "" } }
    : { ids: [...selected] };
  const selectedLabel = allMatching
    ? `${count(total)}${page?.totalCapped ? "件以上" : "件"}`
    : `${count(selected.size)}件`;
  const pageAllSelected = Boolean(page?.items.length) && page?.items.every((o) => selected.has(o.id));

  const goTo = (cursor: string, back: boolean) => {
    setPrevious(back ? previous.slice(0, -1) : [...previous, filters.cursor]);
    navigate(listHref({ ...filters, cursor }));
  };

  return (
    <section className="screen" aria-busy={list.loading}>
      <header className="screen-header">
        <h1>受注一覧</h1>
        <ListTools filters={filters} />
      </header>
      <SavedSearchTabs screen="orders" base="/orders" search={search} />
      <StatusTabs filters={filters} counts={counts.data} />
      <OrderFilters filters={filters} />
      {canWrite && (allMatching || selected.size > 0) && (
        <section className="bulk-bar" aria-label="一括操作">
          <span>
            <strong>{selectedLabel}</strong>を選択中
          </span>
          {(Object.keys(BULK_LABELS) as BulkAction[]).map((a) => (
            <button
              key={a}
              type="button"
              className={a === "cancel" ? "button button-danger" : "button"}
              onClick={() => setAction(a)}
            >
              {BULK_LABELS[a]}
            </button>
          ))}
          {pageAllSelected && !allMatching && total > (page?.items.length ?? 0) && (
            <button type="button" className="button button-quiet" onClick={() => setAllMatching(true)}>
              この条件のすべて({count(total)}
              {page?.totalCapped ? "件以上" : "件"})を選択
            </button>
          )}
          <button type="button" className="button button-quiet" onClick={() => select([...selected], false)}>
            選択を解除
          </button>
        </section>
      )}
      <ErrorNotice error={list.error} />
      {!page ? (
        list.error ? null : (
          <Loading />
        )
      ) : page.items.length === 0 ? (
        <Empty>
          <p>条件に合う注文はありません。</p>
          {!filters.deleted && (
            <p className="muted">削除した注文は「詳細検索」の「削除済みを含む」で探せます。</p>
          )}
        </Empty>
      ) : (
        <div className={list.loading ? "is-reloading" : undefined}>
          <OrderTable orders={page.items} selected={selected} onSelect={select} activeId={keys.activeId} />
          <CursorPager
            summary={
              <>
                {count(total)}
                {page.totalCapped ? "件以上" : "件"}中 {count(previous.length * PAGE_SIZE + 1)}〜
                {count(previous.length * PAGE_SIZE + page.items.length)}件
              </>
            }
            cursor={filters.cursor}
            previous={previous}
            nextCursor={page.nextCursor}
            goTo={goTo}
          />
        </div>
      )}
      {keys.overlay}
      {action && (
        <BulkDialog
          action={action}
          selection={selection}
          onClose={(changed) => {
            setAction(undefined);
            if (!changed) return;
            setSelected(new Set());
            setAllMatching(false);
            list.reload();
            counts.reload();
          }}
        />
      )}
    </section>
  );
}
