/**
 * 商品インポート: what one batch of a shop's item-file lines does to the account's products and the
 * shop's mappings. Pure: the caller loads what the batch's codes already match and writes the plan.
 *
 * - master (the account had no products when the run started, or the shop is the one whose run made
 *   them — 「最初に取り込んだモールの商品がマスタ」): each line's SKU creates its product, or renames it
 *   when the name changed, and maps the shop's codes onto it.
 * - map (any later shop): lines map onto the products of the same SKU; a line matching none is
 *   skipped and named in the report, unless the merchant ticked 「新しい商品として登録」. Not by
 *   default: a code mistyped at one mall would otherwise become a second product silently, while a
 *   skipped line costs one more run with the box ticked. Names stay the master's.
 * - A mapping already there for the codes is kept as it is: one pointing at another product (set up by
 *   hand, or a set) is reported as a conflict and never overwritten.
 * Re-importing the same file therefore changes nothing: every line is `unchanged`.
 */

export type ImportMode = "master" | "map";
export type ProductRowOutcome = "created" | "updated" | "mapped" | "unchanged" | "skipped";

export type ProductLine = {
  line: number;
  sku: string;
  name: string;
  mallItemCode: string;
  mallSkuCode: string;
};

/** What the batch's codes match today: products by SKU, and the shop's mappings with their products' SKUs. */
export type KnownCatalog = {
  products: ReadonlyMap<string, { name: string }>;
  mappings: ReadonlyMap<string, readonly string[]>;
};

export type LineDecision = {
  line: number;
  sku: string;
  mallItemCode: string;
  mallSkuCode: string;
  outcome: ProductRowOutcome;
  rule: string | null;
  message: string | null;
};

export type ImportPlan = {
  create: { sku: string; name: string }[];
  rename: { sku: string; name: string }[];
  /** New mappings, each onto the one product of `sku`, quantity 1. */
  map: { mallItemCode: string; mallSkuCode: string; sku: string }[];
  lines: LineDecision[];
};

/**
 * The mode a new run takes: master for the account's first products, and for the shop that made
 * them (its re-imports keep the names up to date); map for every other shop.
 */
export function importModeFor(input: {
  hasProducts: boolean;
  masterShopId: string | null;
  shopId: string;
}): ImportMode {
  return !input.hasProducts || input.masterShopId === input.shopId ? "master" : "map";
}

export const mappingKey = (mallItemCode: string, mallSkuCode: string) =>
  `${mallItemCode}\u0000${mallSkuCode}`;

export function planProductImport(
  lines: readonly ProductLine[],
  run: { mode: ImportMode; createMissing: boolean },
  known: KnownCatalog,
): ImportPlan {
  const plan: ImportPlan = { create: [], rename: [], map: [], lines: [] };
  const names = new Map([...known.products].map(([sku, p]) => [sku, p.name]));
  const mappings = new Map(known.mappings);
  for (const l of lines) {
    const decide = (outcome: ProductRowOutcome, rule: string | null = null, message: string | null = null) =>
      plan.lines.push({
        line: l.line,
        sku: l.sku,
        mallItemCode: l.mallItemCode,
        mallSkuCode: l.mallSkuCode,
        outcome,
        rule,
        message,
      });
    const key = mappingKey(l.mallItemCode, l.mallSkuCode);
    const mapped = mappings.get(key);
    if (mapped && (mapped.length !== 1 || mapped[0] !== l.sku)) {
      decide(
        "skipped",
        "mapping_conflict",
        `このショップの商品コードはすでに別の商品(${mapped.join(", ")})にマッピングされています。変えるときは商品マッピングで変更してください`,
      );
      continue;
    }
    const name = names.get(l.sku);
    let outcome: ProductRowOutcome = "unchanged";
    if (name === undefined) {
      if (run.mode === "map" && !run.createMissing) {
        decide(
          "skipped",
          "product_not_found",
          `SKU「${l.sku}」の商品がありません。「新しい商品として登録」を選ぶと登録します`,
        );
        continue;
      }
      plan.create.push({ sku: l.sku, name: l.name });
      names.set(l.sku, l.name);
      outcome = "created";
    } else if (run.mode === "master" && name !== l.name) {
      plan.rename.push({ sku: l.sku, name: l.name });
      names.set(l.sku, l.name);
      outcome = "updated";
    }
    if (!mapped) {
      plan.map.push({ mallItemCode: l.mallItemCode, mallSkuCode: l.mallSkuCode, sku: l.sku });
      mappings.set(key, [l.sku]);
      if (outcome === "unchanged") outcome = "mapped";
    }
    decide(outcome);
  }
  return plan;
}
