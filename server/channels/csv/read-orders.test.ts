import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import { readCsvRecords, sniffEncoding } from "#server/adapters/csv/read-stream.ts";
import type { CsvOrderProfile } from "./fields.ts";
import type { GroupedOrder } from "./group-orders.ts";
import { FUTURESHOP_PROFILE, JUCHU_TEMPLATE_PROFILE, juchuTemplateCsv } from "./profiles.ts";
import { readOrderBatches } from "./read-orders.ts";

const fixture = (name: string) =>
  readFile(new URL(`../../../test/fixtures/csv-orders/${name}`, import.meta.url));

/** The file handed over in small pieces, as an upload arrives: multibyte characters get cut. */
async function* inPieces(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(bytes: Uint8Array, profile: CsvOrderProfile, batchSize = 100) {
  const progress = { bytes: 0 } as { encoding?: "utf-8" | "shift_jis"; bytes: number };
  const orders: GroupedOrder[] = [];
  for await (const batch of readOrderBatches(
    readCsvRecords(inPieces(bytes), profile.encoding, progress),
    profile,
    {
      batchSize,
      after: 0,
    },
  ))
    orders.push(...batch.orders);
  return { orders, encoding: progress.encoding, bytes: progress.bytes };
}

const OWN_PROFILE: CsvOrderProfile = {
  id: "own",
  name: "自社カート",
  builtIn: false,
  encoding: "auto",
  headerRow: false,
  dateFormat: "yyyyMMdd",
  columns: {
    orderNumber: ["1"],
    orderedAt: ["2"],
    buyerName: ["3"],
    buyerEmail: ["4"],
    shipToName: ["3"],
    shipToPostalCode: ["5"],
    shipToPrefecture: ["6"],
    shipToAddress1: ["7"],
    shipToPhone: ["8"],
    paymentMethod: ["9"],
    itemCode: ["10"],
    itemName: ["11"],
    unitPrice: ["12"],
    quantity: ["13"],
  },
};

describe("order CSV per profile", () => {
  const cases = [
    {
      name: "futureshop, Shift_JIS, two lines of one order grouped",
      file: "futureshop.sjis.csv",
      profile: FUTURESHOP_PROFILE,
      encoding: "shift_jis",
      expected: [
        {
          orderNumber: "FS-0001",
          lines: [2, 3],
          buyer: "山田 太郎",
          shipTo: ["100-0001", "東京都", "千代田区 千代田1-1", "皇居前ビル3F"],
          payment: ["credit_card", true],
          items: [
            ["TEA-01", undefined, 1000, 2],
            ["CUP-01", "BLUE", 1000, 1],
          ],
          shippingFee: 600,
          orderedAt: "2026-12-01T01:15:00.000Z",
        },
        {
          orderNumber: "FS-0002",
          lines: [4],
          buyer: "佐藤 花子",
          shipTo: ["530-0001", "大阪府", "大阪市北区 梅田1-1", undefined],
          payment: ["bank_transfer", false],
          items: [["TEA-01", undefined, 1100, 2]],
          shippingFee: 0,
          orderedAt: "2026-12-01T02:00:00.000Z",
        },
      ],
    },
    {
      name: "Juchu template, UTF-8 with a BOM, full-width postal code, prefecture from the postal code",
      file: "juchu-template.csv",
      profile: JUCHU_TEMPLATE_PROFILE,
      encoding: "utf-8",
      expected: [
        {
          orderNumber: "J-1",
          lines: [2],
          buyer: "鈴木 一郎",
          shipTo: ["060-0001", "北海道", "札幌市中央区北1条西1", undefined],
          payment: ["cash_on_delivery", false],
          items: [["TEA-01", undefined, 1080, 1]],
          shippingFee: 500,
          orderedAt: "2026-12-02T00:00:00.000Z",
        },
        {
          orderNumber: "J-2",
          lines: [3],
          buyer: "高橋 次郎",
          shipTo: ["900-0001", "沖縄県", "那覇市港町1-1", undefined],
          payment: ["credit_card", true],
          items: [["CUP-01", "BLUE", 1500, 1]],
          shippingFee: 0,
          orderedAt: "2026-12-02T00:30:00.000Z",
        },
      ],
    },
    {
      name: "the merchant's own profile, no header, columns by number",
      file: "own-no-header.csv",
      profile: OWN_PROFILE,
      encoding: "utf-8",
      expected: [
        {
          orderNumber: "A-10",
          lines: [1, 2],
          buyer: "伊藤 三郎",
          shipTo: ["980-0811", "宮城県", "仙台市青葉区一番町1-1", undefined],
          payment: ["convenience_store", false],
          items: [
            ["W-1", undefined, 3000, 1],
            ["W-2", undefined, 1500, 2],
          ],
          shippingFee: 0,
          orderedAt: "2026-12-02T15:00:00.000Z",
        },
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { orders, encoding } = await readAll(await fixture(c.file), c.profile);
      assert.equal(encoding, c.encoding);
      const seen = orders.map((o) => {
        assert.ok(o.ok, JSON.stringify(o));
        const { order } = o;
        return {
          orderNumber: o.orderNumber,
          lines: o.lines,
          buyer: order.buyer.name,
          shipTo: [
            order.shipTo.postalCode,
            order.shipTo.prefecture,
            order.shipTo.address1,
            order.shipTo.address2,
          ],
          payment: [order.paymentMethod, order.paid],
          items: order.items.map((i) => [i.mallItemCode, i.mallSkuCode, i.unitPrice, i.quantity]),
          shippingFee: order.shippingFee,
          orderedAt: order.orderedAt?.toISOString(),
        };
      });
      assert.deepEqual(seen, c.expected);
    });
  }

  it("a quoted line break in 備考 keeps the next line's number right", async () => {
    const { orders } = await readAll(await fixture("juchu-template.csv"), JUCHU_TEMPLATE_PROFILE);
    const j2 = orders[1];
    assert.ok(j2?.ok);
    assert.equal(j2.order.remarks, "ギフト包装\r\nお願いします");
  });

  it("bad lines are reported with line, field and rule; the order's other lines point at them", async () => {
    const { orders } = await readAll(await fixture("bad-rows.csv"), JUCHU_TEMPLATE_PROFILE);
    const report = orders.flatMap((o) =>
      o.ok
        ? []
        : o.lines.map((l) => [
            l.line,
            o.orderNumber,
            l.problem?.field ?? null,
            l.problem?.rule ?? null,
            l.message,
          ]),
    );
    assert.deepEqual(report, [
      [
        2,
        "B-1",
        "shipToPostalCode",
        "postal_code_7_digits",
        "2行目: 送付先郵便番号: 郵便番号が7桁ではありません",
      ],
      [
        3,
        "B-2",
        "orderedAt",
        "date_format",
        "3行目: 注文日時: 日時が yyyy/MM/dd HH:mm:ss の形式ではありません",
      ],
      [4, "B-2", "quantity", "quantity_range", "4行目: 数量: 1から9999の整数ではありません"],
    ]);
    assert.deepEqual(
      orders.filter((o) => o.ok).map((o) => o.orderNumber),
      ["B-3"],
    );
  });

  it("a profile column missing from the header refuses the file with the column's name", async () => {
    const bytes = new TextEncoder().encode("受注コード,商品名\r\nX,Y\r\n");
    await assert.rejects(readAll(bytes, FUTURESHOP_PROFILE), (e: Error & { code?: string }) => {
      assert.equal(e.code, "csv_import.columns_missing");
      assert.match(e.message, /氏名\(姓\)\+氏名\(名\)/);
      return true;
    });
  });

  it("lines of one order apart from each other are refused, not registered as half an order", async () => {
    const template = juchuTemplateCsv().split("\r\n");
    const line = (n: string) => (template[1] ?? "").replace(/^1001/, n);
    const bytes = new TextEncoder().encode([template[0], line("X"), line("Y"), line("X"), ""].join("\r\n"));
    const { orders } = await readAll(bytes, JUCHU_TEMPLATE_PROFILE);
    assert.deepEqual(
      orders.map((o) => [o.orderNumber, o.ok, o.ok ? null : o.lines[0]?.problem?.rule]),
      [
        ["X", true, null],
        ["Y", true, null],
        ["X", false, "order_lines_together"],
      ],
    );
  });

  it("sniffs the encoding from the first bytes", () => {
    assert.equal(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), "utf-8");
    assert.equal(sniffEncoding(new TextEncoder().encode("注文番号").subarray(0, 5)), "utf-8");
    assert.equal(sniffEncoding(new Uint8Array([0x92, 0x8d, 0x95, 0xb6])), "shift_jis");
  });
});
