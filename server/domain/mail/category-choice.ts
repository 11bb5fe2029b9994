/** What the choice reads of a mail category the shop sends for one status change. */
export type CandidateCategory = {
  id: string;
  delayMinutes: number;
  /** Only orders with this product (特定商品のサンクスメール); null for every order. */
  productId: string | null;
  /** Among product categories that all match, the higher one is sent. */
  priority: number;
  createdAt: Date;
};

/**
 * Which categories make a mail for one order at one status change (SPEC.md §8). A product category
 * that matches the order replaces the unconditioned ones of the same moment (status and delay): the
 * buyer gets one thanks mail, the product's own. Several matching product categories: the highest
 * priority, then the oldest. Categories of other moments (a follow-up days later) are not touched.
 */
export function chooseCategories<C extends CandidateCategory>(
  categories: readonly C[],
  orderProductIds: ReadonlySet<string>,
): C[] {
  const chosen: C[] = [];
  for (const delay of new Set(categories.map((c) => c.delayMinutes))) {
    const moment = categories.filter((c) => c.delayMinutes === delay);
    const [specific] = moment
      .filter((c) => c.productId !== null && orderProductIds.has(c.productId))
      .sort((a, b) => b.priority - a.priority || a.createdAt.getTime() - b.createdAt.getTime());
    chosen.push(...(specific ? [specific] : moment.filter((c) => c.productId === null)));
  }
  return chosen;
}
