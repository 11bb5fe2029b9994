import assert from "node:assert/strict";
import { test } from "node:test";
import { type DeliveryNote, renderDeliveryNotes } from "./delivery-note.ts";
import { inspectPdf } from "./test-pdf.ts";

function note(overrides: Partial<DeliveryNote> = {}, lineCount = 3): DeliveryNote {
  return {
    shop: {
      name: "お茶の山田園",
      postalCode: "420-0852",
      address: "静岡県静岡市葵区紺屋町1-2-3",
      phone: "054-000-0000",
      email: "shop@example.jp",
    },
    orderNumber: "123456-20261201-0000000001",
    orderedAt: new Date("2026-11-30T15:30:00Z"),
    buyer: { name: "佐藤 花子" },
    shipTo: {
      name: "佐藤 一郎",
      postalCode: "150-0001",
      prefecture: "東京都",
      address1: "渋谷区神宮前1-2-3",
      address2: "神宮前マンション101",
      phone: "03-0000-0000",
    },
    items: Array.from({ length: lineCount }, (_, i) => ({
      name: i === 0 ? "深蒸し煎茶 100g" : `玉露 ティーバッグ ${i}`,
      code: `TEA-${String(i).padStart(3, "0")}`,
      unitPrice: 1200,
      quantity: 2,
    })),
    shippingFee: 550,
    fees: 330,
    couponDiscount: 300,
    pointsUsed: 100,
    total: 1200 * 2 * lineCount + 550 + 330 - 300 - 100,
    paymentMethod: "代金引換",
    remarks: "贈答用のため、金額の記載がない明細も同梱してください。",
    issuedOn: new Date("2026-12-01T01:00:00Z"),
    ...overrides,
  };
}

test("a 3-line order is one page with the order, buyer, items and totals in its text", async () => {
  const pdf = await inspectPdf(await renderDeliveryNotes([note()]));
  assert.equal(pdf.pageCount, 1);
  const [text = ""] = pdf.pages;
  for (const expected of [
    "納品書",
    "123456-20261201-0000000001",
    "佐藤 花子 様",
    "佐藤 一郎 様",
    "〒150-0001",
    "東京都渋谷区神宮前1-2-3",
    "お茶の山田園",
    "深蒸し煎茶 100g",
    "TEA-000",
    "この度はお買い上げいただき、誠にありがとうございます。",
    "2026年12月1日",
    "代金引換",
    "¥1,200",
    "¥2,400",
    "小計",
    "¥7,200",
    "送料",
    "¥550",
    "手数料",
    "¥330",
    "クーポン値引",
    "-¥300",
    "ポイント利用",
    "-¥100",
    "合計",
    "¥7,680",
    "贈答用のため",
    "1/1",
  ]) {
    assert.ok(text.includes(expected), `missing ${expected} in:\n${text}`);
  }
});

test("fees and coupons by their parts, tax per rate, the choice under the name and the buyer's wishes", async () => {
  const pdf = await inspectPdf(
    await renderDeliveryNotes([
      note({
        items: [
          {
            name: "冷凍ハンバーグ",
            code: "hb-10",
            choice: "ソース:デミグラス",
            unitPrice: 3240,
            quantity: 1,
          },
          { name: "保冷バッグ", code: "bag-01", unitPrice: 2070, quantity: 1 },
        ],
        shippingFee: 0,
        fees: 580,
        feeLines: [
          { label: "代引手数料", amount: 0 },
          { label: "後払い手数料", amount: 250 },
          { label: "ラッピング料", amount: 330 },
        ],
        couponDiscount: 500,
        couponLines: [
          { label: "ショップクーポン", amount: 100 },
          { label: "楽天市場クーポン", amount: 400 },
        ],
        pointsUsed: 0,
        total: 5390,
        taxSummary: [
          { ratePercent: 10, amount: 2650, tax: 241 },
          { ratePercent: 8, amount: 2740, tax: 202 },
        ],
        notes: ["ギフト", "ラッピング: 和紙・金のリボン", "のし: 御歳暮"],
        remarks: null,
      }),
    ]),
  );
  const [text = ""] = pdf.pages;
  for (const expected of [
    "hb-10",
    "ソース:デミグラス",
    "後払い手数料 ¥250",
    "ラッピング料 ¥330",
    "ショップクーポン -¥100",
    "楽天市場クーポン -¥400",
    "税率別内訳",
    "10%対象 ¥2,650（内消費税 ¥241）",
    "8%対象（軽減税率） ¥2,740（内消費税 ¥202）",
    "ギフト ラッピング: 和紙・金のリボン のし: 御歳暮",
  ]) {
    assert.ok(text.includes(expected), `missing ${expected} in:\n${text}`);
  }
  assert.ok(!text.includes("代引手数料"), "a zero fee part is left out");
  assert.ok(!/手数料 ¥580/.test(text), "the parts replace the one 手数料 row");
});

test("オプション金額 prints under the line and counts in its 金額 and the 小計", async () => {
  const items = [
    {
      name: "マグカップ",
      code: "MUG",
      choice: "ラッピング:希望する(+330円)",
      optionAmount: 330,
      unitPrice: 1500,
      quantity: 2,
    },
    { name: "コースター", code: "CST", unitPrice: 500, quantity: 1 },
  ];
  const pdf = await inspectPdf(
    await renderDeliveryNotes([note({ items, total: 4160 + 550 + 330 - 300 - 100 })]),
  );
  const [text = ""] = pdf.pages;
  for (const expected of ["オプション金額 +¥330", "¥3,660", "小計", "¥4,160"])
    assert.ok(text.includes(expected), `missing ${expected} in:\n${text}`);
});

test("the embedded fonts are subsets of Noto Sans JP", async () => {
  const { fonts, fontPrograms } = await inspectPdf(await renderDeliveryNotes([note()]));
  assert.ok(fonts.length > 0);
  for (const font of fonts) assert.match(font, /^[A-Z]{6}\+NotoSansJP-(Regular|Bold)$/);
  assert.equal(fontPrograms.length, 2);
  for (const { length } of fontPrograms) assert.ok(length < 200_000, `a ${length}-byte font is not a subset`);
});

test("amounts the mall has not settled print as 未確定", async () => {
  const bytes = await renderDeliveryNotes([note({ shippingFee: null, total: null, couponDiscount: null })]);
  const [text = ""] = (await inspectPdf(bytes)).pages;
  assert.equal(text.match(/未確定/g)?.length, 3);
});

test("a 60-line order continues on further pages, numbered per order with the header repeated", async () => {
  const pdf = await inspectPdf(await renderDeliveryNotes([note({}, 60)]));
  assert.ok(pdf.pageCount >= 2, `expected at least 2 pages, got ${pdf.pageCount}`);
  pdf.pages.forEach((text, i) => {
    assert.ok(text.includes(`${i + 1}/${pdf.pageCount}`), `page ${i + 1} is not numbered`);
    assert.ok(text.includes("商品名") && text.includes("金額"), `page ${i + 1} lacks the table header`);
    assert.ok(text.includes("123456-20261201-0000000001"), `page ${i + 1} lacks the order number`);
  });
  assert.ok(pdf.pages.at(-1)?.includes("玉露 ティーバッグ 59"));
  assert.ok(pdf.pages.at(-1)?.includes("合計"));
});

test("each order starts on its own page", async () => {
  const pdf = await inspectPdf(
    await renderDeliveryNotes([
      note({ orderNumber: "A-1", buyer: { name: "田中 太郎" } }),
      note({ orderNumber: "B-2", buyer: { name: "鈴木 次郎" } }, 60),
      note({ orderNumber: "C-3", buyer: { name: "高橋 三郎" } }),
    ]),
  );
  const [first = "", second = "", ...rest] = pdf.pages;
  const last = rest.at(-1) ?? "";
  assert.ok(first.includes("A-1") && first.includes("田中 太郎") && first.includes("1/1"));
  assert.ok(second.includes("B-2") && second.includes("鈴木 次郎") && second.includes("1/"));
  assert.ok(last.includes("C-3") && last.includes("高橋 三郎") && last.includes("1/1"));
  assert.ok(!first.includes("B-2") && !second.includes("A-1") && !last.includes("B-2"));
  assert.ok(pdf.pageCount >= 4);
});

test("an empty batch is refused rather than producing a PDF without pages", async () => {
  await assert.rejects(renderDeliveryNotes([]), RangeError);
});

test("timing: 100 delivery notes of 5 lines", async (t) => {
  const notes = Array.from({ length: 100 }, (_, i) => note({ orderNumber: `T-${i}` }, 5));
  await renderDeliveryNotes(notes.slice(0, 1));
  const started = performance.now();
  const bytes = await renderDeliveryNotes(notes);
  t.diagnostic(`100 delivery notes of 5 lines rendered in ${Math.round(performance.now() - started)} ms`);
  assert.equal((await inspectPdf(bytes)).pageCount, 100);
});
