import type { Count, StatusCounts } from "../api/types.ts";
import { count } from "../format.ts";
import { Link } from "../shell/router.tsx";
import { type ListFilters, listHref } from "./list-query.ts";

const shown = (c: Count | undefined) => (c ? `${count(c.count)}${c.capped ? "+" : ""}` : "…");

/** One tab per order status, with how many orders each holds under the current filters. */
export function StatusTabs({ filters, counts }: { filters: ListFilters; counts: StatusCounts | undefined }) {
  const tabs = [
    { status: "", label: "すべて", count: counts?.all },
    ...(counts?.items ?? []).map((c) => ({ status: c.status, label: c.statusLabel, count: c })),
  ];
  return (
    <nav className="status-tabs" aria-label="注文ステータス">
      {tabs.map((tab) => (
        <Link
          key={tab.status || "all"}
          to={listHref({ ...filters, status: tab.status, cursor: "" })}
          className={`status-tab status-tab-${tab.status || "all"}`}
          aria-current={filters.status === tab.status ? "page" : undefined}
        >
          <span className="status-tab-label">{tab.label}</span>
          <span className="status-tab-count">{shown(tab.count)}</span>
        </Link>
      ))}
    </nav>
  );
}
