import {
  type CustomerRow,
  insertKeys,
  loadKeyHolders,
  loadRankHistory,
  loadRankRules,
  upsertCustomers,
} from "#server/db/customers/customer-rows.ts";
import type { Db } from "#server/db/database.ts";
import { longestPeriod, periodStart, type RankedOrder, rankAt } from "#server/domain/customer-ranks.ts";
import { type Buyer, customerKeysOf, linkBuyers, normalPhone } from "#server/domain/customers.ts";

/** An order whose buyer is to be recognised: one about to be written, or one written before customers. */
export type OrderToLink = RankedOrder & { orderId: string; buyer: Buyer };

export type CustomerLink = { customerId: string; rank: string | null };

/**
 * Recognises the buyers of a batch of one account's orders (domain/customers.ts) and works out each
 * order's 顧客ランク at ordering and each customer's rank now, in a handful of statements whatever the
 * batch's size: the keys held, the rank rules, the customers' recent orders, then customers and new
 * keys written. The orders themselves are the caller's to write (new ones carry the link on insert).
 */
export async function linkCustomers(
  tx: Db,
  accountId: string,
  list: readonly OrderToLink[],
  now: Date,
  newId: () => string,
): Promise<Map<string, CustomerLink>> {
  const links = new Map<string, CustomerLink>();
  if (list.length === 0) return links;
  const known = await loadKeyHolders(
    tx,
    accountId,
    list.flatMap((o) => customerKeysOf(o.buyer)),
  );
  const linking = linkBuyers(
    list.map((o) => o.buyer),
    known,
    newId,
  );
  const rules = await loadRankRules(tx, [accountId]);
  const isNew = new Set(linking.newCustomers.map((c) => c.id));
  const ofCustomer = new Map<string, OrderToLink[]>();
  list.forEach((o, i) => {
    const id = linking.customerOf[i] ?? "";
    ofCustomer.set(id, [...(ofCustomer.get(id) ?? []), o]);
  });
  // Only the periods the rules look back, from the earliest moment a rank is wanted for.
  const earliest = Math.min(now.getTime(), ...list.map((o) => o.orderedAt.getTime()));
  const written =
    rules.length === 0
      ? new Map()
      : await loadRankHistory(
          tx,
          [...ofCustomer.keys()].filter((id) => !isNew.has(id)),
          periodStart(new Date(earliest), longestPeriod(rules)),
        );
  const inBatch = new Set(list.map((o) => o.orderId));
  const rows: CustomerRow[] = [];
  for (const [customerId, ordersOf] of ofCustomer) {
    const before = (written.get(customerId) ?? []).filter(
      (o: { orderId: string }) => !inBatch.has(o.orderId),
    );
    // Orders of one instant (a batch registered together) count those that came before them, as if
    // registered one by one.
    ordersOf.forEach((o, i) => {
      const upTo = ordersOf.filter(
        (p, j) => p.orderedAt < o.orderedAt || (p.orderedAt.getTime() === o.orderedAt.getTime() && j <= i),
      );
      links.set(o.orderId, { customerId, rank: rankAt(rules, [...before, ...upTo], o.orderedAt) });
    });
    const history = [...before, ...ordersOf];
    const latest = ordersOf.reduce((a, b) => (b.orderedAt >= a.orderedAt ? b : a));
    rows.push({
      id: customerId,
      accountId,
      name: latest.buyer.name,
      email: latest.buyer.emailMasked ? null : latest.buyer.email.trim() || null,
      phone: normalPhone(latest.buyer.phone),
      postalCode: latest.buyer.postalCode || null,
      rank: rankAt(rules, history, now),
      rankRefreshedAt: now,
      lastOrderedAt: latest.orderedAt,
      updatedAt: now,
    });
  }
  await upsertCustomers(tx, rows);
  await insertKeys(tx, accountId, linking.newKeys);
  return links;
}

/** An order row as linking reads it, whether about to be inserted or loaded. */
export type LinkableOrder = {
  id: string;
  orderedAt: Date;
  buyerName: string;
  buyerEmail: string;
  buyerEmailMasked?: boolean | undefined;
  buyerPhone?: string | null | undefined;
  shipTo: unknown;
  subtotal: number;
  total?: number | null | undefined;
  status: string;
  deletedAt?: Date | null | undefined;
  testImport?: boolean | undefined;
};

export function orderToLink(o: LinkableOrder): OrderToLink {
  return {
    orderId: o.id,
    orderedAt: o.orderedAt,
    amount: o.total ?? o.subtotal,
    status: o.status,
    deleted: (o.deletedAt ?? null) !== null,
    testImport: o.testImport ?? false,
    buyer: {
      email: o.buyerEmail,
      emailMasked: o.buyerEmailMasked ?? false,
      phone: o.buyerPhone ?? null,
      name: o.buyerName,
      postalCode: (o.shipTo as { postalCode?: string }).postalCode ?? "",
    },
  };
}

/** New order rows of one account with their customer and 顧客ランク at ordering set, before they are inserted. */
export async function linkNewOrders<T extends LinkableOrder>(
  tx: Db,
  accountId: string,
  rows: readonly T[],
  now: Date,
  newId: () => string,
): Promise<(T & { customerId: string | null; customerRank: string | null })[]> {
  const links = await linkCustomers(tx, accountId, rows.map(orderToLink), now, newId);
  return rows.map((row) => {
    const link = links.get(row.id);
    return { ...row, customerId: link?.customerId ?? null, customerRank: link?.rank ?? null };
  });
}
