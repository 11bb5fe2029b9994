/** A mall item mapped to products (商品マッピング); a set item has several components. */
export type ProductMappingRule = {
  mallItemCode: string;
  /** '' maps the item whatever SKU the buyer chose. */
  mallSkuCode: string;
  components: readonly { productId: string; quantity: number }[];
};

export type OrderLine = { mallItemCode: string; mallSkuCode: string; quantity: number };

/** The SKU-level mapping wins over the item-level one, so one variant can be mapped apart. */
export function findMapping<M extends ProductMappingRule>(
  mappings: readonly M[],
  line: Omit<OrderLine, "quantity">,
): M | null {
  const exact = mappings.find(
    (m) => m.mallItemCode === line.mallItemCode && m.mallSkuCode === line.mallSkuCode,
  );
  if (exact) return exact;
  return mappings.find((m) => m.mallItemCode === line.mallItemCode && m.mallSkuCode === "") ?? null;
}

/** How many of each product the lines need, or null while any line is unmapped. */
export function productRequirements(
  lines: readonly OrderLine[],
  mappings: readonly ProductMappingRule[],
): Map<string, number> | null {
  const need = new Map<string, number>();
  for (const line of lines) {
    const mapping = findMapping(mappings, line);
    if (!mapping) return null;
    for (const c of mapping.components)
      need.set(c.productId, (need.get(c.productId) ?? 0) + c.quantity * line.quantity);
  }
  return need;
}

/** Stock already reserved is never taken back; a shortfall waits for the next arrival. */
export function takeFromStock(stillNeeded: number, onHand: number, allocated: number): number {
  return Math.max(0, Math.min(stillNeeded, onHand - allocated));
}
