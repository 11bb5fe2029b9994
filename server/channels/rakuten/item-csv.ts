/**
 * 楽天 RMS 商品CSV (商品一括編集, SKU版 normal-item.csv, since the SKU migration of 2023) → products.
 *
 * What the layout is, from public sources (no RMS manual is public; these agree with each other):
 * - 5springs.co.jp/blog/sku-csv (2023-12) and its 2025 follow-up: after the SKU migration the item
 *   export is one file, normal-item.csv (Shift_JIS), split by action rather than by 基本情報 /
 *   項目選択肢 as dl-item.csv / dl-select.csv were before.
 * - Tools that read or write it (public code: a "rakuten_sku_manager", Shopify converters, 在庫連携
 *   scripts): one 商品行 per item — コントロールカラム, 商品管理番号（商品URL）, 商品番号, 商品名,
 *   バリエーション項目キー定義 ("key0|key1"), バリエーション項目名定義 ("サイズ|カラー"),
 *   バリエーションN選択肢定義 … — with SKU管理番号 empty; then one SKU行 per SKU repeating
 *   商品管理番号（商品URL） with SKU管理番号, システム連携用SKU番号, バリエーション項目キーN /
 *   バリエーション項目選択肢N (N = 1…6), 販売価格, 在庫数 …. A single-SKU item has one SKU行 without
 *   選択肢.
 * - 在庫連携 vendors (らくらく在庫, 最安更新, next-engine manuals): after the migration the master code
 *   is システム連携用SKU番号 where the merchant set one; otherwise 商品管理番号 and SKU管理番号.
 *
 * How a row becomes a product and its mapping, so that orders find it (mapping.ts mapItem):
 * - mallItemCode = 商品管理番号（商品URL） — an order line's manageNumber.
 * - mallSkuCode = システム連携用SKU番号 when set (an order line's merchantDefinedSkuId), else the
 *   variation as "項目名:選択肢" lines in the SKU行's order (an order line's skuInfo), '' for a
 *   single-SKU item. That skuInfo lists the variations in the item's definition order is what the
 *   RMS samples show ("サイズ:M\nカラー:ブラック"); a shop whose orders differ is mapped by hand.
 * - sku (the product's code when this shop makes the master) = システム連携用SKU番号, else
 *   商品管理番号 for a single-SKU item, else 商品管理番号-SKU管理番号.
 * - name = 商品名 of the 商品行, with the 選択肢 in （） for a variation.
 * 販売価格 and 在庫数 are not read: Juchu keeps no list price, and stock is the warehouse's count.
 */

import { readCsvRecords } from "#server/adapters/csv/read-stream.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { LineProblem } from "#server/ports/order-upload.ts";
import type { ProductFileBatch, ProductFileReader, ProductFileResult } from "#server/ports/product-file.ts";

const COLUMNS = {
  control: "コントロールカラム",
  itemCode: "商品管理番号（商品URL）",
  name: "商品名",
  skuId: "SKU管理番号",
  merchantSku: "システム連携用SKU番号",
  keyDefinition: "バリエーション項目キー定義",
  nameDefinition: "バリエーション項目名定義",
} as const;
const VARIATIONS = 6;
const MAX_SKU = 64;
const MAX_NAME = 255;

type Header = {
  at: (record: string[], column: string) => string;
  has: (column: string) => boolean;
};

/** Columns by name; Excel may turn the full-width （） of 商品管理番号（商品URL） half-width. */
function header(record: string[]): Header {
  const index = new Map(
    record.map((h, i) => [
      h
        .replace(/^\uFEFF/, "")
        .replace("(", "（")
        .replace(")", "）")
        .trim(),
      i,
    ]),
  );
  return {
    has: (column) => index.has(column),
    at: (row, column) => {
      const i = index.get(column);
      return i === undefined ? "" : (row[i] ?? "").trim();
    },
  };
}

type Item = { code: string; name: string; keys: string[]; names: string[]; deleted: boolean };

/** The SKU行's variation: "項目名:選択肢" per chosen variation, the name found through its key. */
function variationOf(h: Header, row: string[], item: Item): { text: string; choices: string[] } {
  const lines: string[] = [];
  const choices: string[] = [];
  for (let n = 1; n <= VARIATIONS; n++) {
    const choice = h.at(row, `バリエーション項目選択肢${n}`);
    if (!choice) continue;
    const key = h.at(row, `バリエーション項目キー${n}`);
    const at = key ? item.keys.indexOf(key) : n - 1;
    const name = item.names[at] ?? key;
    lines.push(name ? `${name}:${choice}` : choice);
    choices.push(choice);
  }
  return { text: lines.join("\n"), choices };
}

function skuLine(h: Header, row: string[], line: number, item: Item | null): ProductFileResult {
  const itemCode = h.at(row, COLUMNS.itemCode);
  const merchantSku = h.at(row, COLUMNS.merchantSku);
  const fail = (problem: LineProblem, sku: string | null = null, mallSkuCode: string | null = null) =>
    ({ ok: false, line, sku, mallItemCode: itemCode || null, mallSkuCode, problem }) as const;
  if (!itemCode)
    return fail({ field: "mallItemCode", rule: "required", message: "商品管理番号（商品URL）が空です" });
  if (!item || item.code !== itemCode)
    return fail({
      field: "name",
      rule: "item_row_first",
      message: "この商品管理番号の商品行(商品名の行)がSKU行の前にありません",
    });
  const variation = variationOf(h, row, item);
  const sku =
    merchantSku || (variation.choices.length ? `${itemCode}-${h.at(row, COLUMNS.skuId)}` : itemCode);
  const mallSkuCode = merchantSku || variation.text;
  if (item.deleted)
    return fail(
      { field: "control", rule: "control_column_delete", message: "削除指定(d)の商品は取り込みません" },
      sku,
      mallSkuCode,
    );
  if (!item.name)
    return fail({ field: "name", rule: "required", message: "商品行の商品名が空です" }, sku, mallSkuCode);
  if (sku.length > MAX_SKU)
    return fail(
      {
        field: "sku",
        rule: "max_length",
        message: `SKU「${sku}」が${MAX_SKU}文字を超えます(システム連携用SKU番号を設定してください)`,
      },
      sku,
      mallSkuCode,
    );
  const name = variation.choices.length ? `${item.name}（${variation.choices.join(" / ")}）` : item.name;
  return { ok: true, line, sku, name: name.slice(0, MAX_NAME), mallItemCode: itemCode, mallSkuCode };
}

export const rakutenItemCsv: ProductFileReader = {
  label: "RMS 商品一括編集の商品CSV(normal-item.csv、SKU対応版)",
  fields: [
    { field: "sku", label: "SKU(システム連携用SKU番号)" },
    { field: "name", label: "商品名" },
    { field: "mallItemCode", label: "商品管理番号（商品URL）" },
    { field: "mallSkuCode", label: "システム連携用SKU番号 / バリエーション" },
    { field: "control", label: "コントロールカラム" },
  ],
  /**
   * Streamed (Shift_JIS as RMS writes it; UTF-8 when the merchant saved it so). A batch ends where an
   * item ends, so a resumed run starts at a 商品行 and knows the item's name again.
   */
  async *readProducts(chunks, options, progress): AsyncGenerator<ProductFileBatch> {
    let h: Header | null = null;
    let item: Item | null = null;
    let results: ProductFileResult[] = [];
    let rows = 0;
    let lastLine = options.after;
    for await (const { record, line } of readCsvRecords(chunks, "auto", progress)) {
      if (!h) {
        h = header(record);
        const missing = [COLUMNS.itemCode, COLUMNS.name, COLUMNS.skuId].filter((c) => !h?.has(c));
        if (missing.length)
          throw new Refusal(
            "product_import.unknown_layout",
            `楽天のSKU対応版商品CSV(normal-item.csv)ではありません: 見出しに「${missing.join("」「")}」がありません。`,
            {
              rule: "header",
              errors: missing.map((c) => ({ path: "file", message: `見出し「${c}」がありません` })),
            },
          );
        continue;
      }
      const isItemRow = !h.at(record, COLUMNS.skuId);
      if (isItemRow && results.length >= options.batchSize) {
        yield { results, rows, lastLine };
        results = [];
        rows = 0;
      }
      if (isItemRow)
        item = {
          code: h.at(record, COLUMNS.itemCode),
          name: h.at(record, COLUMNS.name),
          keys: h.at(record, COLUMNS.keyDefinition).split("|"),
          names: h.at(record, COLUMNS.nameDefinition).split("|"),
          deleted: h.at(record, COLUMNS.control).toLowerCase() === "d",
        };
      if (line <= options.after) continue;
      rows++;
      lastLine = line;
      if (!isItemRow) results.push(skuLine(h, record, line, item));
    }
    if (rows > 0) yield { results, rows, lastLine };
  },
};
