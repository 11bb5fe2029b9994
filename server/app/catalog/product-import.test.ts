import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { startTestApp, type TestApp } from "#test/app.ts";
import { newOrder, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let first: string;
let second: string;

before(async () => {
  t = await startTestApp();
  first = (await t.api("POST", "/api/shops", { channel: "rakuten", name: "楽天本店" })).body.id;
  second = (await t.api("POST", "/api/shops", { channel: "rakuten", name: "楽天2号店" })).body.id;
});
after(() => t.close());

const fixture = async () =>
  readFile(new URL("../../channels/rakuten/fixtures/normal-item.csv", import.meta.url), "utf8");
const sjis = (text: string) => iconv.encode(text, "cp932");

async function upload(shopId: string, body: Uint8Array, query = "") {
  const res = await fetch(`${t.url}/api/product-imports?shopId=${shopId}&fileName=normal-item.csv${query}`, {
    method: "POST",
    headers: { authorization: `Bearer ${t.owner.apiToken}`, "content-type": "text/csv" },
    body: body as BodyInit,
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads what the API answered.
  return { status: res.status, body: (await res.json()) as any };
}

/** Upload, run the job, answer the run and its report. */
async function importFile(shopId: string, body: Uint8Array, query = "") {
  const started = await upload(shopId, body, query);
  assert.equal(started.status, 202, JSON.stringify(started.body));
  assert.equal(await t.runDueJobs("product-import"), 1);
  const run = (await t.api("GET", `/api/product-imports/${started.body.id}`)).body;
  const rows = (await t.api("GET", `/api/product-imports/${started.body.id}/rows?limit=500`)).body.items;
  return { run, rows };
}

const counts = (run: Record<string, unknown>) =>
  ["mode", "status", "rowsRead", "created", "updated", "mapped", "unchanged", "skipped", "failed"].map(
    (k) => run[k],
  );

async function catalog() {
  const r = await t.database.db.execute(sql`
    select p.sku, p.name, s.name as shop, m.mall_item_code as item, m.mall_sku_code as code
    from products p
    left join product_mapping_components c on c.product_id = p.id
    left join product_mappings m on m.id = c.mapping_id
    left join shops s on s.id = m.shop_id
    where p.account_id = ${t.owner.accountId} order by p.sku, s.name`);
  return (r as unknown as { rows: Record<string, string | null>[] }).rows.map((x) =>
    Object.values(x).join(" | "),
  );
}

test("the first shop's item CSV makes the product master; the same file again changes nothing; a new name updates", async () => {
  const file = await fixture();
  const { run, rows } = await importFile(first, sjis(file));
  assert.deepEqual(counts(run), ["master", "succeeded", 13, 6, 0, 0, 0, 0, 2]);
  assert.equal(run.encoding, "shift_jis");
  assert.deepEqual(await catalog(), [
    "SOCKS-03 | サンプル靴下 | 楽天本店 | socks-03 | SOCKS-03",
    "TSHIRT-M-BLK | サンプルTシャツ（M / ブラック） | 楽天本店 | tshirt-01 | TSHIRT-M-BLK",
    "bottle-02-v1000 | サンプル水筒（1L） | 楽天本店 | bottle-02 | 容量:1L",
    "bottle-02-v500 | サンプル水筒（500ml） | 楽天本店 | bottle-02 | 容量:500ml",
    "mug-04 | サンプルマグカップ, 陶器 | 楽天本店 | mug-04 | ",
    "tshirt-01-sku-s-blk | サンプルTシャツ（S / ブラック） | 楽天本店 | tshirt-01 | サイズ:S\nカラー:ブラック",
  ]);
  const failed = rows.filter((r: { outcome: string }) => r.outcome === "failed");
  assert.deepEqual(
    failed.map((r: Record<string, unknown>) => [r.line, r.mallItemCode, r.field, r.fieldLabel, r.rule]),
    [
      [12, "ghost-05", "name", "商品名", "item_row_first"],
      [14, "old-06", "control", "コントロールカラム", "control_column_delete"],
    ],
  );

  const again = await importFile(first, sjis(file));
  assert.deepEqual(counts(again.run), ["master", "succeeded", 13, 0, 0, 0, 6, 0, 2]);
  const renamed = await importFile(first, sjis(file.replace("サンプル水筒", "真空断熱ボトル")));
  assert.deepEqual(counts(renamed.run), ["master", "succeeded", 13, 0, 2, 0, 4, 0, 2]);
  assert.equal((await catalog()).length, 6, "never a product or mapping twice");
  assert.ok(
    (await catalog()).includes(
      "bottle-02-v500 | 真空断熱ボトル（500ml） | 楽天本店 | bottle-02 | 容量:500ml",
    ),
  );
});

test("a later shop maps onto the master by SKU; unmatched lines are skipped unless 新しい商品として登録 is ticked", async () => {
  const header = (await fixture()).split("\n")[0];
  const file = [
    header,
    "u,mug-y,mug-y,別名のマグ,,,,,,,,,,,,",
    "u,mug-y,,,,,,,mug-y,mug-04,,,,,1500,1",
    "u,new-9,new-9,2号店だけの商品,,,,,,,,,,,,",
    "u,new-9,,,,,,,new-9,,,,,,100,1",
    "",
  ].join("\r\n");
  const mapped = await importFile(second, sjis(file));
  assert.deepEqual(counts(mapped.run), ["map", "succeeded", 4, 0, 0, 1, 0, 1, 0]);
  assert.deepEqual(
    mapped.rows.map((r: Record<string, unknown>) => [r.line, r.outcome, r.field, r.rule]),
    [
      [3, "mapped", null, null],
      [5, "skipped", "sku", "product_not_found"],
    ],
  );
  const withNew = await importFile(second, sjis(file), "&createMissing=true");
  assert.deepEqual(counts(withNew.run), ["map", "succeeded", 4, 1, 0, 0, 1, 0, 0]);
  const all = await catalog();
  assert.ok(
    all.includes("mug-04 | サンプルマグカップ, 陶器 | 楽天2号店 | mug-y | mug-04"),
    "the master's name kept",
  );
  assert.ok(all.includes("new-9 | 2号店だけの商品 | 楽天2号店 | new-9 | "));

  const report = await fetch(`${t.url}/api/product-imports/${mapped.run.id}/report.csv`, {
    headers: { authorization: `Bearer ${t.owner.apiToken}` },
  });
  assert.equal(report.status, 200);
  const bytes = Buffer.from(await report.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a BOM, so Excel reads UTF-8");
  assert.deepEqual(bytes.subarray(3).toString("utf8").split("\r\n"), [
    "行,SKU,モール商品コード,モールSKUコード,結果,項目,ルール,内容",
    "3,mug-04,mug-y,mug-04,マッピング登録,,,",
    "5,new-9,new-9,,スキップ,SKU(システム連携用SKU番号),product_not_found,SKU「new-9」の商品がありません。「新しい商品として登録」を選ぶと登録します",
    "",
  ]);
});

test("refusals: a shop whose mall has no item CSV, an empty file, a file that is not the mall's export", async () => {
  const csvShop = (await t.api("POST", "/api/shops", { channel: "csv", name: "CSV店" })).body.id;
  const unsupported = await upload(csvShop, sjis(await fixture()));
  assert.equal(unsupported.status, 422);
  assert.equal(unsupported.body.code, "product_import.unsupported");
  assert.equal(unsupported.body.errors?.[0]?.path, "shopId");

  const empty = await upload(first, new Uint8Array());
  assert.equal(empty.status, 422);
  assert.equal(empty.body.code, "csv_import.empty");

  const { run, rows } = await importFile(first, sjis("商品コード,商品名\r\nA,商品A\r\n"));
  assert.equal(run.status, "failed");
  assert.match(run.error, /SKU管理番号/);
  assert.deepEqual(rows, []);

  const formats = (await t.api("GET", "/api/product-import-formats")).body.items;
  assert.deepEqual(
    formats.map((f: { channel: string }) => f.channel),
    ["rakuten"],
  );
});

test("orders held as 未マッピング商品 in the shop move on once the import maps their lines", async () => {
  const third = (await t.api("POST", "/api/shops", { channel: "rakuten", name: "楽天3号店" })).body.id;
  // No キャンセル猶予, so the order reaches 確認待 (and its hold) at once.
  await t.api("PATCH", `/api/shops/${third}`, { settings: { gracePeriodMinutes: 0 } });
  const order = await newOrder(t, orderBody(third, "R3-0001", [{ mallItemCode: "tea-01", quantity: 1 }]));
  const tagsOf = async () =>
    ((await t.api("GET", `/api/orders/${order.id}`)).body.tags as { name: string }[]).map((x) => x.name);
  assert.equal(order.status, "awaiting_confirmation");
  assert.ok((await tagsOf()).includes("未マッピング商品"), JSON.stringify(await tagsOf()));
  const header = (await fixture()).split("\n")[0];
  const file = [header, "u,tea-01,tea-01,煎茶,,,,,,,,,,,,", "u,tea-01,,,,,,,tea-01,,,,,,800,1", ""].join(
    "\r\n",
  );
  const { run } = await importFile(third, sjis(file), "&createMissing=true");
  assert.deepEqual(counts(run), ["map", "succeeded", 2, 1, 0, 0, 0, 0, 0]);
  assert.ok(!(await tagsOf()).includes("未マッピング商品"), JSON.stringify(await tagsOf()));
});
