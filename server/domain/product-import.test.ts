import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type ImportMode,
  importModeFor,
  type KnownCatalog,
  mappingKey,
  planProductImport,
} from "./product-import.ts";

const line = (n: number, sku: string, name: string, item = sku, skuCode = "") => ({
  line: n,
  sku,
  name,
  mallItemCode: item,
  mallSkuCode: skuCode,
});
const catalog = (
  products: Record<string, string> = {},
  mappings: [string, string, string[]][] = [],
): KnownCatalog => ({
  products: new Map(Object.entries(products).map(([sku, name]) => [sku, { name }])),
  mappings: new Map(mappings.map(([item, sku, skus]) => [mappingKey(item, sku), skus])),
});

const cases: {
  rule: string;
  mode: ImportMode;
  createMissing?: boolean;
  known: KnownCatalog;
  lines: ReturnType<typeof line>[];
  outcomes: [number, string, string | null][];
  create?: string[];
  rename?: string[];
  map?: string[];
}[] = [
  {
    rule: "master, empty account: every line creates its product and the shop's mapping",
    mode: "master",
    known: catalog(),
    lines: [line(3, "T-S", "Tシャツ（S）", "tshirt", "サイズ:S"), line(5, "MUG", "マグ")],
    outcomes: [
      [3, "created", null],
      [5, "created", null],
    ],
    create: ["T-S", "MUG"],
    map: ["tshirt/サイズ:S→T-S", "MUG/→MUG"],
  },
  {
    rule: "master re-import: a changed name is updated, the same name is unchanged, nothing duplicated",
    mode: "master",
    known: catalog({ "T-S": "Tシャツ（S）", MUG: "マグ" }, [
      ["tshirt", "サイズ:S", ["T-S"]],
      ["MUG", "", ["MUG"]],
    ]),
    lines: [line(3, "T-S", "新Tシャツ（S）", "tshirt", "サイズ:S"), line(5, "MUG", "マグ")],
    outcomes: [
      [3, "updated", null],
      [5, "unchanged", null],
    ],
    rename: ["T-S"],
  },
  {
    rule: "map: a later shop's lines map onto products of the same SKU, names stay the master's",
    mode: "map",
    known: catalog({ MUG: "マグ" }),
    lines: [line(2, "MUG", "別モールのマグ", "mug-y")],
    outcomes: [[2, "mapped", null]],
    map: ["mug-y/→MUG"],
  },
  {
    rule: "map: a line matching no product is skipped and says how to create it",
    mode: "map",
    known: catalog({ MUG: "マグ" }),
    lines: [line(2, "NEW", "新商品")],
    outcomes: [[2, "skipped", "product_not_found"]],
  },
  {
    rule: "map with 「新しい商品として登録」: the unmatched line creates its product",
    mode: "map",
    createMissing: true,
    known: catalog({ MUG: "マグ" }),
    lines: [line(2, "NEW", "新商品"), line(3, "MUG", "別名マグ")],
    outcomes: [
      [2, "created", null],
      [3, "mapped", null],
    ],
    create: ["NEW"],
    map: ["NEW/→NEW", "MUG/→MUG"],
  },
  {
    rule: "a mapping already pointing at another product (or a set) is kept and reported, nothing written",
    mode: "master",
    known: catalog({ A: "A" }, [
      ["item", "", ["A"]],
      ["set", "", ["A", "B"]],
    ]),
    lines: [line(2, "B", "B", "item"), line(3, "A", "A", "set")],
    outcomes: [
      [2, "skipped", "mapping_conflict"],
      [3, "skipped", "mapping_conflict"],
    ],
  },
  {
    rule: "the same SKU twice in a file is created once; the same codes twice map once",
    mode: "master",
    known: catalog(),
    lines: [line(2, "A", "A", "a1"), line(3, "A", "A", "a2"), line(4, "B", "B", "a1")],
    outcomes: [
      [2, "created", null],
      [3, "mapped", null],
      [4, "skipped", "mapping_conflict"],
    ],
    create: ["A"],
    map: ["a1/→A", "a2/→A"],
  },
];

for (const c of cases)
  test(c.rule, () => {
    const plan = planProductImport(
      c.lines,
      { mode: c.mode, createMissing: c.createMissing ?? false },
      c.known,
    );
    assert.deepEqual(
      plan.lines.map((l) => [l.line, l.outcome, l.rule]),
      c.outcomes,
    );
    assert.deepEqual(
      plan.create.map((p) => p.sku),
      c.create ?? [],
    );
    assert.deepEqual(
      plan.rename.map((p) => p.sku),
      c.rename ?? [],
    );
    assert.deepEqual(
      plan.map.map((m) => `${m.mallItemCode}/${m.mallSkuCode}→${m.sku}`),
      c.map ?? [],
    );
    for (const l of plan.lines) assert.equal(l.message === null, l.outcome !== "skipped", "a skip says why");
  });

test("the first shop imported into an account without products is the master; its re-imports stay master", () => {
  const table: [boolean, string | null, string, ImportMode][] = [
    [false, null, "rakuten-1", "master"],
    [true, "rakuten-1", "rakuten-1", "master"],
    [true, "rakuten-1", "yahoo-1", "map"],
    // Products entered by hand before any import: every shop maps onto them.
    [true, null, "rakuten-1", "map"],
    // The products were all deleted: the next shop starts a master again.
    [false, "rakuten-1", "yahoo-1", "master"],
  ];
  for (const [hasProducts, masterShopId, shopId, mode] of table)
    assert.equal(
      importModeFor({ hasProducts, masterShopId, shopId }),
      mode,
      JSON.stringify({ hasProducts, masterShopId, shopId }),
    );
});
