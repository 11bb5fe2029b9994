import assert from "node:assert/strict";
import { test } from "node:test";
import { type PickingList, renderPickingList } from "./picking-list.ts";
import { inspectPdf } from "./test-pdf.ts";

function list(shipmentCount: number): PickingList {
  const shipments = Array.from({ length: shipmentCount }, (_, i) => ({
    slipNumber: `4000-0000-${String(i).padStart(4, "0")}`,
    orderNumbers: [`123456-20261201-${String(i).padStart(10, "0")}`],
    recipientName: `受取人 ${i}`,
    notes: i === 1 ? ["ギフト", "のし: 御歳暮", "クール便(冷凍)"] : [],
    lines: [
      { sku: `TEA-${String(i % 7).padStart(3, "0")}`, name: `深蒸し煎茶 ${i % 7}`, quantity: 1 + (i % 3) },
      { sku: "CUP-001", name: "有田焼 湯呑み", quantity: 1 },
    ],
  }));
  const totals = new Map<string, { sku: string; name: string; quantity: number }>();
  for (const line of shipments.flatMap((shipment) => shipment.lines)) {
    const total = totals.get(line.sku) ?? { ...line, quantity: 0 };
    total.quantity += line.quantity;
    totals.set(line.sku, total);
  }
  return {
    warehouseName: "本社倉庫",
    generatedAt: new Date("2026-11-30T23:05:00Z"),
    totals: [...totals.values()].reverse(),
    shipments,
  };
}

test("the totals come first, sorted by SKU, then every shipment with a box per line", async () => {
  const pdf = await inspectPdf(await renderPickingList(list(2)));
  assert.equal(pdf.pageCount, 1);
  const [text = ""] = pdf.pages;
  for (const expected of [
    "ピッキングリスト",
    "本社倉庫",
    "2026年12月1日 08:05",
    "商品別合計",
    "送り状番号 4000-0000-0001",
    "123456-20261201-0000000001",
    "受取人 1 様",
    "※ ギフト のし: 御歳暮 クール便(冷凍)",
    "有田焼 湯呑み",
    "□",
    "1 / 1",
  ]) {
    assert.ok(text.includes(expected), `missing ${expected} in:\n${text}`);
  }
  const skus = ["CUP-001", "TEA-000", "TEA-001"].map((sku) => text.indexOf(sku));
  assert.deepEqual(
    skus,
    [...skus].sort((a, b) => a - b),
    "totals are not in SKU order",
  );
  assert.ok(text.indexOf("商品別合計") < text.indexOf("送り状番号"));
  assert.equal(text.match(/□/g)?.length, 4);
});

test("a long list runs over several pages, each numbered and with the table header repeated", async () => {
  const pdf = await inspectPdf(await renderPickingList(list(60)));
  assert.ok(pdf.pageCount >= 3, `expected at least 3 pages, got ${pdf.pageCount}`);
  pdf.pages.forEach((text, i) => {
    assert.ok(text.includes(`${i + 1} / ${pdf.pageCount}`), `page ${i + 1} is not numbered`);
    assert.ok(text.includes("SKU") && text.includes("数量"), `page ${i + 1} lacks a table header`);
  });
  assert.ok(pdf.pages.at(-1)?.includes("受取人 59 様"));
  assert.equal(pdf.pages.join("").match(/□/g)?.length, 120);
});

test("the picking list embeds only Noto Sans JP subsets", async () => {
  const { fonts } = await inspectPdf(await renderPickingList(list(1)));
  for (const font of fonts) assert.match(font, /^[A-Z]{6}\+NotoSansJP-(Regular|Bold)$/);
});
