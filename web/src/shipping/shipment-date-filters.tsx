import { tokyoDayBoundary } from "../format.ts";
import { DateRange } from "../orders/date-range.tsx";
import { navigate } from "../shell/router.tsx";

const RANGES = [
  { label: "注文日", from: "from", to: "to" },
  { label: "出荷日", from: "shippedFrom", to: "shippedTo" },
  { label: "出荷予定日", from: "plannedFrom", to: "plannedTo" },
] as const;

/** The date params the URL holds, kept when another filter or tab changes. */
export const dateParams = (search: URLSearchParams): Record<string, string> =>
  Object.fromEntries(RANGES.flatMap((r) => [r.from, r.to]).map((k) => [k, search.get(k) ?? ""]));

/** 出荷一覧's date ranges as the API takes them: Tokyo day edges for instants, days for 出荷予定日. */
export function shipmentDateQuery(search: URLSearchParams) {
  const get = (key: string) => search.get(key) ?? "";
  const edge = (key: string, which: "start" | "end") => (get(key) ? tokyoDayBoundary(get(key), which) : "");
  return {
    orderedFrom: edge("from", "start"),
    orderedTo: edge("to", "end"),
    shippedFrom: edge("shippedFrom", "start"),
    shippedTo: edge("shippedTo", "end"),
    plannedShipFrom: get("plannedFrom"),
    plannedShipTo: get("plannedTo"),
  };
}

/** 注文日・出荷日・出荷予定日 from–to, kept in the URL like the list's other filters; a change starts at page 1. */
export function ShipmentDateFilters({ search }: { search: URLSearchParams }) {
  const set = (key: string) => (day: string) => {
    const next = new URLSearchParams(search);
    if (day) next.set(key, day);
    else next.delete(key);
    next.delete("page");
    const text = next.toString();
    navigate(`/shipments${text ? `?${text}` : ""}`);
  };
  return (
    <div className="filters-row">
      {RANGES.map((r) => (
        <DateRange
          key={r.label}
          label={r.label}
          from={search.get(r.from) ?? ""}
          to={search.get(r.to) ?? ""}
          onFrom={set(r.from)}
          onTo={set(r.to)}
        />
      ))}
    </div>
  );
}
