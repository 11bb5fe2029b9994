import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { runProductImport } from "#server/app/catalog/product-import-run.ts";
import { startProductImport } from "#server/app/catalog/product-import-start.ts";
import { createShop } from "#server/app/channels/shops.ts";
import { fmt, perSecond, table } from "./lib.ts";
import { log, secs } from "./report.ts";
import type { Target } from "./targets.ts";

/** Each item of the bench file: a 商品行 and this many SKU行 (a size × colour item). */
const SKUS_PER_ITEM = 4;
const RAW_BATCH = 1000;

export type ProductImportResult = {
  rows: number;
  products: number;
  ms: number;
  status: string;
  raw: { ms: number };
};

/** An item export of `rows` lines (items of SKUS_PER_ITEM variations), Shift_JIS as RMS writes it. */
function itemFile(rows: number): { bytes: Buffer; products: number } {
  const lines = [
    "コントロールカラム,商品管理番号（商品URL）,商品名,バリエーション項目キー定義,バリエーション項目名定義,SKU管理番号,システム連携用SKU番号,バリエーション項目キー1,バリエーション項目選択肢1",
  ];
  let products = 0;
  for (let i = 1; lines.length - 1 + SKUS_PER_ITEM + 1 <= rows; i++) {
    lines.push(`u,bench-item-${i},ベンチ商品${i}号,size,サイズ,,,,`);
    for (let s = 1; s <= SKUS_PER_ITEM; s++, products++)
      lines.push(`u,bench-item-${i},,,,sku${s},,size,S${s}`);
  }
  return { bytes: iconv.encode(`${lines.join("\r\n")}\r\n`, "cp932"), products };
}

/**
 * 商品CSV取込 of a `rows`-line file whose every SKU is new: the upload
 * stored, then the job's batches, against the raw database doing the same writes — the products, their
 * mappings and components as plain multi-row INSERTs, 1,000 products a transaction.
 */
export async function benchProductImport(t: Target, rows: number): Promise<ProductImportResult> {
  // The bench account has its one product already, so the run maps; with 新しい商品として登録 every
  // line creates its product and mapping, the same writes as a master run.
  const { bytes, products } = itemFile(rows);
  const shop = await createShop(t.ctx, t.accountId, { channel: "rakuten", name: "ベンチ楽天店" });
  const started = performance.now();
  const runId = await startProductImport(
    t.ctx,
    { kind: "system" },
    t.accountId,
    { shopId: shop.id, createMissing: true },
    Readable.from([bytes]),
  );
  await runProductImport(t.ctx, runId);
  const ms = performance.now() - started;
  const [run] = (await t.raw.query("select status from product_import_runs where id = $1", [runId])).rows;

  const rawStarted = performance.now();
  for (let from = 0; from < products; from += RAW_BATCH) {
    const n = Math.min(RAW_BATCH, products - from);
    const ids = Array.from({ length: n }, () => randomUUID());
    const mappingIds = Array.from({ length: n }, () => randomUUID());
    const skus = ids.map((_, i) => `raw-${from + i}`);
    await t.raw.transaction(async (q) => {
      await q(
        `insert into products (id, account_id, sku, name) select id, $1, sku, sku from unnest($2::uuid[], $3::text[]) as x(id, sku)`,
        [t.accountId, ids, skus],
      );
      await q(
        `insert into product_mappings (id, account_id, shop_id, mall_item_code, mall_sku_code)
         select id, $1, $2, sku, sku from unnest($3::uuid[], $4::text[]) as x(id, sku)`,
        [t.accountId, t.rawShopId, mappingIds, skus],
      );
      await q(
        `insert into product_mapping_components (mapping_id, product_id, quantity)
         select m, p, 1 from unnest($1::uuid[], $2::uuid[]) as x(m, p)`,
        [mappingIds, ids],
      );
    });
  }
  return {
    rows,
    products,
    ms,
    status: String(run?.status),
    raw: { ms: performance.now() - rawStarted },
  };
}

export function printProductImport(label: string, r: ProductImportResult | undefined): void {
  if (!r) return;
  const products = perSecond(r.products, r.ms);
  const raw = perSecond(r.products, r.raw.ms);
  log(
    `\n3c) 商品CSV取込 (${label}) — a ${fmt.int(r.rows)}-line 楽天 item CSV (${fmt.int(r.products)} SKUs), upload + job (run ${r.status})`,
  );
  log(
    table([
      ["", "rows/s", "products/s", "wall", "import/raw"],
      [
        "upload + import job",
        fmt.rate(perSecond(r.rows, r.ms)),
        fmt.rate(products),
        secs(r.ms),
        fmt.ratio(products, raw),
      ],
      ["raw INSERT products+mappings+components, 1,000/tx", "", fmt.rate(raw), secs(r.raw.ms), ""],
    ]),
  );
}
