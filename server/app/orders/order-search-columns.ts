import type { LoadedOrder } from "#server/db/orders/order-queries.ts";
import { type ShipTo, shipToOf } from "#server/domain/address.ts";
import { type SearchFields, searchKeysOf, searchTextOf } from "#server/domain/order-search.ts";
import type { MallOrder } from "#server/ports/mall.ts";
import type { NewOrder } from "./insert-order.ts";

/** What the order search reads (domain/order-search.ts), from everything a caller may be asked about. */
export function orderSearchColumns(
  o: Pick<NewOrder, "mallOrderNumber" | "buyer" | "shipTo" | "kana"> & {
    shipments: { shipTo?: ShipTo | undefined; items: { name: string }[] }[];
  },
) {
  const shipTos = [o.shipTo, ...o.shipments.flatMap((s) => (s.shipTo ? [s.shipTo] : []))];
  const fields: SearchFields = {
    mallOrderNumber: o.mallOrderNumber,
    names: [o.buyer.name, ...shipTos.map((s) => s.name)],
    kana: o.kana ?? [],
    emails: [o.buyer.email],
    phones: [o.buyer.phone ?? "", ...shipTos.map((s) => s.phone)],
    postalCodes: shipTos.map((s) => s.postalCode),
    addresses: shipTos.map((s) => `${s.prefecture}${s.address1}${s.address2 ?? ""}`),
    itemNames: o.shipments.flatMap((s) => s.items.map((i) => i.name)),
  };
  return { searchText: searchTextOf(fields), searchKeys: searchKeysOf(fields) };
}

/** The buyer's and recipients' カナ the mall gives, each once. */
export const mallKana = (mall: MallOrder) =>
  [
    ...new Set([mall.buyer.nameKana, ...mall.packages.map((p) => p.shipTo.nameKana)].filter((k) => !!k)),
  ] as string[];

/** The order search's columns as the mall now has the order: a changed ship-to is found by its new name. */
export const mallSearchColumns = (mall: MallOrder) => {
  const [first] = mall.packages;
  return orderSearchColumns({
    mallOrderNumber: mall.mallOrderNumber,
    buyer: mall.buyer,
    shipTo: first ? shipToOf(first.shipTo) : shipToOf(mall.buyer),
    kana: mallKana(mall),
    shipments: mall.packages.map((p) => ({ shipTo: shipToOf(p.shipTo), items: p.items })),
  });
};

/**
 * A stored order's search columns from what it now says, kept with what they held: the order is still
 * found by what it said before an edit (a buyer on the phone may give the old name), and カナ — kept
 * only in these columns — is not lost when the mall's `kana` is not at hand. Rerun, it adds nothing.
 */
export function storedSearchColumns(order: LoadedOrder, kana: readonly string[] = []) {
  const { row } = order;
  const now = orderSearchColumns({
    mallOrderNumber: row.mallOrderNumber,
    buyer: { name: row.buyerName, email: row.buyerEmail, phone: row.buyerPhone ?? undefined },
    shipTo: row.shipTo as ShipTo,
    kana: [...kana],
    shipments: [
      { items: order.items },
      ...order.shipments.map((s) => ({ shipTo: (s.shipTo ?? undefined) as ShipTo | undefined, items: [] })),
    ],
  });
  const lines = row.searchText ? row.searchText.split("\n") : [];
  return {
    searchText: [...new Set([...now.searchText.split("\n"), ...lines])].join("\n"),
    searchKeys: [...new Set([...now.searchKeys, ...row.searchKeys])],
  };
}
