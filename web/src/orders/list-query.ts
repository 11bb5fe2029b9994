import { query } from "../api/client.ts";
import { tokyoDayBoundary } from "../format.ts";

/** The order list's state lives in the URL, so back, reload and a pasted link all show the same list. */
export type ListFilters = {
  status: string;
  shopId: string;
  shippingStatus: string;
  tag: string;
  q: string;
  from: string;
  to: string;
  /** 出荷日 and 出荷予定日 ranges: Tokyo calendar days, as the date inputs give them. */
  shippedFrom: string;
  shippedTo: string;
  plannedFrom: string;
  plannedTo: string;
  deleted: boolean;
  /** BtoB: only orders whose buyer asked to cancel and still waits for an answer. */
  cancelRequested: boolean;
  sort: "-orderedAt" | "orderedAt";
  cursor: string;
};

export const PAGE_SIZE = 50;

export function filtersFrom(search: URLSearchParams): ListFilters {
  const get = (key: string) => search.get(key) ?? "";
  return {
    status: get("status"),
    shopId: get("shopId"),
    shippingStatus: get("shippingStatus"),
    tag: get("tag"),
    q: get("q"),
    from: get("from"),
    to: get("to"),
    shippedFrom: get("shippedFrom"),
    shippedTo: get("shippedTo"),
    plannedFrom: get("plannedFrom"),
    plannedTo: get("plannedTo"),
    deleted: search.get("deleted") === "1",
    cancelRequested: search.get("cancelRequested") === "1",
    sort: search.get("sort") === "orderedAt" ? "orderedAt" : "-orderedAt",
    cursor: get("cursor"),
  };
}

export function listHref(filters: ListFilters): string {
  return `/orders${query({
    status: filters.status,
    shopId: filters.shopId,
    shippingStatus: filters.shippingStatus,
    tag: filters.tag,
    q: filters.q,
    from: filters.from,
    to: filters.to,
    shippedFrom: filters.shippedFrom,
    shippedTo: filters.shippedTo,
    plannedFrom: filters.plannedFrom,
    plannedTo: filters.plannedTo,
    deleted: filters.deleted ? "1" : "",
    cancelRequested: filters.cancelRequested ? "1" : "",
    sort: filters.sort === "orderedAt" ? "orderedAt" : "",
    cursor: filters.cursor,
  })}`;
}

/** The filters every tab shares: what the counts are taken over, and what the CSV export writes. */
export function shared(filters: ListFilters) {
  return {
    shopId: filters.shopId,
    shippingStatus: filters.shippingStatus,
    tag: filters.tag,
    q: filters.q.trim(),
    orderedFrom: filters.from ? tokyoDayBoundary(filters.from, "start") : "",
    orderedTo: filters.to ? tokyoDayBoundary(filters.to, "end") : "",
    shippedFrom: filters.shippedFrom ? tokyoDayBoundary(filters.shippedFrom, "start") : "",
    shippedTo: filters.shippedTo ? tokyoDayBoundary(filters.shippedTo, "end") : "",
    plannedShipFrom: filters.plannedFrom,
    plannedShipTo: filters.plannedTo,
    includeDeleted: filters.deleted,
    cancelRequested: filters.cancelRequested,
  };
}

/** The list's filter as a JSON body takes it (CSV export, bulk run): every order it matches, not a page. */
export function filterBody(filters: ListFilters): Record<string, string> {
  const all = { ...shared(filters), status: filters.status, sort: filters.sort };
  return Object.fromEntries(
    Object.entries(all).flatMap(([k, v]) =>
      v === "" || v === false ? [] : [[k, typeof v === "boolean" ? String(v) : v]],
    ),
  );
}

export function ordersPath(filters: ListFilters, page: { cursor?: string; limit?: number } = {}): string {
  return `/api/orders${query({
    ...shared(filters),
    status: filters.status,
    sort: filters.sort,
    limit: page.limit ?? PAGE_SIZE,
    cursor: page.cursor ?? filters.cursor,
  })}`;
}

export function countsPath(filters: ListFilters): string {
  return `/api/orders/counts${query(shared(filters))}`;
}

export const hasDetailedFilters = (f: ListFilters) =>
  Boolean(
    f.shippingStatus ||
      f.tag ||
      f.from ||
      f.to ||
      f.shippedFrom ||
      f.shippedTo ||
      f.plannedFrom ||
      f.plannedTo ||
      f.deleted ||
      f.cancelRequested,
  );
