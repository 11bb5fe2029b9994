import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import iconv from "iconv-lite";
import { Refusal } from "#server/domain/refusal.ts";
import type { ProductFileBatch } from "#server/ports/product-file.ts";
import twoPackages from "./fixtures/getOrder-v10-two-packages.json" with { type: "json" };
import { parseGetOrderResponse } from "./get-order-response.ts";
import { rakutenItemCsv } from "./item-csv.ts";

/** The fixture as RMS hands it out: Shift_JIS, fed in small pieces as an upload streams in. */
async function sjisFixture(): Promise<Buffer> {
  const text = await readFile(new URL("./fixtures/normal-item.csv", import.meta.url), "utf8");
  return iconv.encode(text, "cp932");
}
async function* pieces(bytes: Uint8Array, size = 97) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
async function read(bytes: Uint8Array, options = { batchSize: 100, after: 0 }) {
  const progress = { bytes: 0 } as { bytes: number; encoding?: string };
  const batches: ProductFileBatch[] = [];
  for await (const b of rakutenItemCsv.readProducts(pieces(bytes), options, progress)) batches.push(b);
  return { batches, progress, results: batches.flatMap((b) => b.results) };
}

test("normal-item.csv (Shift_JIS): each SKU行 is a product with the codes orders carry; bad rows name field and rule", async () => {
  const bytes = await sjisFixture();
  const { results, progress, batches } = await read(bytes);
  assert.equal(progress.encoding, "shift_jis");
  assert.equal(progress.bytes, bytes.length);
  assert.equal(
    batches.reduce((n, b) => n + b.rows, 0),
    13,
    "every line after the header counted (商品行 and SKU行)",
  );
  assert.deepEqual(
    results.map((r) =>
      r.ok
        ? [r.line, r.sku, r.name, r.mallItemCode, r.mallSkuCode]
        : [r.line, r.sku, r.problem.field, r.problem.rule, r.mallItemCode, r.mallSkuCode],
    ),
    [
      [3, "tshirt-01-sku-s-blk", "サンプルTシャツ（S / ブラック）", "tshirt-01", "サイズ:S\nカラー:ブラック"],
      [4, "TSHIRT-M-BLK", "サンプルTシャツ（M / ブラック）", "tshirt-01", "TSHIRT-M-BLK"],
      [6, "bottle-02-v500", "サンプル水筒（500ml）", "bottle-02", "容量:500ml"],
      [7, "bottle-02-v1000", "サンプル水筒（1L）", "bottle-02", "容量:1L"],
      [9, "SOCKS-03", "サンプル靴下", "socks-03", "SOCKS-03"],
      [11, "mug-04", "サンプルマグカップ, 陶器", "mug-04", ""],
      [12, null, "name", "item_row_first", "ghost-05", null],
      [14, "old-06", "control", "control_column_delete", "old-06", ""],
    ],
  );
});

test("the mapping codes are the ones an SKU-era order line of the same items carries (mapping.ts)", async () => {
  const { results } = await read(await sjisFixture());
  const codes = new Set(results.flatMap((r) => (r.ok ? [`${r.mallItemCode}|${r.mallSkuCode}`] : [])));
  const lines = parseGetOrderResponse(twoPackages).orders.flatMap((o) => o.packages.flatMap((p) => p.items));
  assert.equal(lines.length, 3);
  for (const item of lines)
    assert.ok(
      codes.has(`${item.mallItemCode}|${item.mallSkuCode}`),
      `${item.mallItemCode} / ${item.mallSkuCode}`,
    );
});

test("batches end where an item ends; a resumed read after a batch's last line goes on from the next item", async () => {
  const bytes = await sjisFixture();
  const { batches } = await read(bytes, { batchSize: 2, after: 0 });
  assert.deepEqual(
    batches.map((b) => [b.results.map((r) => r.line), b.lastLine]),
    [
      [[3, 4], 4],
      [[6, 7], 7],
      [[9, 11, 12], 12],
      [[14], 14],
    ],
  );
  const resumed = await read(bytes, { batchSize: 100, after: 7 });
  assert.deepEqual(
    resumed.results.map((r) => [r.line, r.ok ? r.name : r.problem.rule]),
    [
      [9, "サンプル靴下"],
      [11, "サンプルマグカップ, 陶器"],
      [12, "item_row_first"],
      [14, "control_column_delete"],
    ],
  );
  assert.equal(resumed.batches[0]?.rows, 7, "lines 8–14");
});

test("a file without the SKU-era columns is refused as a whole, naming the missing headers", async () => {
  const old = iconv.encode("商品管理番号（商品URL）,商品名,販売価格\r\nabc,旧形式,100\r\n", "cp932");
  await assert.rejects(read(old), (e: unknown) => {
    assert.ok(e instanceof Refusal);
    assert.equal(e.code, "product_import.unknown_layout");
    assert.equal(e.rule, "header");
    assert.match(e.detail, /SKU管理番号/);
    return true;
  });
});

test("a long 商品管理番号-SKU管理番号 asks for システム連携用SKU番号 instead of cutting it", async () => {
  const long = "x".repeat(40);
  const csv = `商品管理番号（商品URL）,商品名,SKU管理番号,バリエーション項目選択肢1\r\n${long},長い商品,,\r\n${long},,${"y".repeat(30)},赤\r\n`;
  const { results } = await read(new TextEncoder().encode(csv));
  const [row] = results;
  assert.ok(row && !row.ok);
  assert.deepEqual([row.problem.field, row.problem.rule], ["sku", "max_length"]);
});
