import assert from "node:assert/strict";
import { test } from "node:test";
import { sampleFacts } from "./fixtures.ts";
import { MAIL_PLACEHOLDERS } from "./placeholders.ts";
import { renderMail } from "./template.ts";

const body = (text: string, facts = sampleFacts()) => renderMail({ subject: "件名", body: text }, facts).body;

const TWO_PARCELS = {
  slipNumber: "S-000123-1",
  shippedOn: "2026-12-02",
  parcels: [
    {
      carrierLabel: "ヤマト運輸",
      trackingNumber: "111122223333",
      trackingUrl: "https://example.jp/t?id=111122223333",
    },
    {
      carrierLabel: "ヤマト運輸",
      trackingNumber: "444455556666",
      trackingUrl: "https://example.jp/t?id=444455556666",
    },
  ],
};

test("every placeholder renders for a sample order", () => {
  const facts = sampleFacts({
    shipment: TWO_PARCELS,
    cancelReason: "在庫切れのため",
    companyName: "株式会社テスト商事",
    refusalReason: "出荷準備済みのため",
    customerRank: "ゴールド",
  });
  const rendered = Object.fromEntries(MAIL_PLACEHOLDERS.map((p) => [p.name, body(`{{${p.name}}}`, facts)]));
  assert.deepEqual(rendered, {
    ショップ名: "お茶の山田園",
    注文番号: "123456-20261201-0000001",
    注文日時: "2026年12月1日 00:05",
    購入者名: "山田 太郎",
    購入者メールアドレス: "taro@example.jp",
    送付先名: "山田 花子",
    送付先住所: "〒150-0001 東京都渋谷区神宮前1-2-3 山田ビル201",
    商品明細: ["煎茶 100g                  × 2    ¥2,160", "ほうじ茶ティーバッグ 30包  × 10  ¥12,000"].join(
      "\n",
    ),
    小計: "¥14,160",
    送料: "¥550",
    手数料: "¥330",
    クーポン値引: "-¥300",
    ポイント利用: "-¥100",
    合計金額: "¥14,640",
    支払方法: "クレジットカード",
    お届け希望日: "2026年12月5日",
    お届け時間帯: "14時～16時",
    配送会社: "ヤマト運輸",
    伝票番号: "111122223333\n444455556666",
    配送状況確認URL: "https://example.jp/t?id=111122223333\nhttps://example.jp/t?id=444455556666",
    出荷日: "2026年12月2日",
    出荷番号: "S-000123-1",
    キャンセル理由: "在庫切れのため",
    会社名: "株式会社テスト商事",
    拒否理由: "出荷準備済みのため",
    顧客ランク: "ゴールド",
  });
});

test("amounts the mall has not settled read 未確定; no discount reads ¥0; no wish reads 指定なし", () => {
  const facts = sampleFacts({
    shippingFee: null,
    fees: null,
    total: null,
    couponDiscount: 0,
    pointsUsed: 0,
    desiredDeliveryDate: null,
    desiredTimeSlot: null,
  });
  assert.equal(
    body(
      "{{送料}}/{{手数料}}/{{合計金額}}/{{クーポン値引}}/{{ポイント利用}}/{{お届け希望日}}/{{お届け時間帯}}",
      facts,
    ),
    "未確定/未確定/未確定/¥0/¥0/指定なし/指定なし",
  );
});

test("a buyer without a rank at ordering: 顧客ランク is empty", () => {
  assert.equal(body("[{{顧客ランク}}]"), "[]");
});

test("without a shipment the shipment placeholders are empty", () => {
  assert.equal(
    body("[{{配送会社}}][{{伝票番号}}][{{配送状況確認URL}}][{{出荷日}}][{{出荷番号}}]"),
    "[][][][][]",
  );
});

test("several parcels go one a line, continued under a label; carriers without a URL are left out", () => {
  const shipment = {
    ...TWO_PARCELS,
    parcels: [
      { carrierLabel: "佐川急便", trackingNumber: "3600-1111-2222", trackingUrl: "https://example.jp/s" },
      { carrierLabel: "その他", trackingNumber: "X-9", trackingUrl: null },
    ],
  };
  assert.equal(
    body(
      "配送会社: {{配送会社}}\n伝票番号: {{伝票番号}}\nURL: {{配送状況確認URL}}",
      sampleFacts({ shipment }),
    ),
    "配送会社: 佐川急便\n          その他\n伝票番号: 3600-1111-2222\n          X-9\nURL: https://example.jp/s",
  );
  assert.equal(
    body("  {{伝票番号}}", sampleFacts({ shipment: TWO_PARCELS })),
    "  111122223333\n  444455556666",
  );
});

test("a long item name takes its own line so the amounts stay on screen", () => {
  const name = "【送料無料】静岡県産 深蒸し煎茶 200g×3袋セット お徳用 ギフト 贈り物 プレゼント";
  const table = body("{{商品明細}}", sampleFacts({ items: [{ name, quantity: 1, unitPrice: 3980 }] }));
  assert.equal(table, `${name}\n${" ".repeat(36)}  × 1  ¥3,980`);
  assert.equal(body("{{商品明細}}", sampleFacts({ items: [] })), "");
});

test("Tokyo dates: 14:59 UTC is still the same day, 15:00 UTC is the next", () => {
  const at = (iso: string) => body("{{注文日時}}", sampleFacts({ orderedAt: new Date(iso) }));
  assert.equal(at("2026-11-30T14:59:00Z"), "2026年11月30日 23:59");
  assert.equal(at("2026-11-30T15:00:00Z"), "2026年12月1日 00:00");
  assert.equal(at("2026-12-31T23:30:00Z"), "2027年1月1日 08:30");
});

test("line breaks are normalised to LF in the body and flattened in the subject", () => {
  const facts = sampleFacts({ shipment: TWO_PARCELS, buyerName: "山田\r\n太郎" });
  const mail = renderMail(
    { subject: "{{伝票番号}} {{購入者名}}", body: "一行目\r\n二行目\r{{購入者名}}" },
    facts,
  );
  assert.equal(mail.subject, "111122223333 444455556666 山田 太郎");
  assert.equal(mail.body, "一行目\n二行目\n山田\n太郎");
});

test("rendering never throws, even for a template that was not checked", () => {
  assert.equal(body("{{不明}} {{注文番号"), "{{不明}} {{注文番号");
});
