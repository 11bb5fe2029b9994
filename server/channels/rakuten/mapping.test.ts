import assert from "node:assert/strict";
import { test } from "node:test";
import type { MallOrder } from "#server/ports/mall.ts";
import partlyNotFound from "./fixtures/getOrder-partly-not-found.json" with { type: "json" };
import preVersion from "./fixtures/getOrder-pre-version.json" with { type: "json" };
import undeterminedAndCancelled from "./fixtures/getOrder-undetermined-and-cancelled.json" with {
  type: "json",
};
import twoPackages from "./fixtures/getOrder-v10-two-packages.json" with { type: "json" };
import { parseGetOrderResponse } from "./get-order-response.ts";

function only<T>(list: readonly T[]): T {
  assert.equal(list.length, 1);
  return list[0] as T;
}

const ordersOf = (json: unknown) => {
  const result = parseGetOrderResponse(json);
  assert.deepEqual(result.errors, []);
  return result.orders;
};

test("an SKU-era (v10) order with two packages, coupons, points and wrapping", () => {
  const order = only(ordersOf(twoPackages));
  const taro = {
    name: "楽天 太郎",
    nameKana: "ラクテン タロウ",
    postalCode: "158-0094",
    prefecture: "東京都",
    address1: "世田谷区玉川9-99-9 サンプルハイツ101",
    phone: "03-1234-5678",
  };
  const expected: MallOrder = {
    mallOrderNumber: "999999-20250301-0000012345",
    mallStatus: { code: "300", label: "発送待ち", cancelled: false },
    orderedAt: new Date("2025-03-01T09:15:00+09:00"),
    buyer: { ...taro, email: "0123456789abcdef0123456789abcdefs1@pc.fw.rakuten.ne.jp" },
    buyerEmailMasked: true,
    paymentMethod: "credit_card",
    paymentMethodLabel: "クレジットカード",
    paid: true,
    packages: [
      {
        mallPackageId: "10000001",
        shipTo: taro,
        pickupPoint: null,
        dropOffLocation: null,
        noshi: null,
        temperature: null,
        remoteIsland: false,
        chosenCarrier: { mallCode: "1001", label: "ヤマト運輸", carrier: "yamato" },
        addressPending: false,
        items: [
          {
            mallItemCode: "tshirt-01",
            mallItemNumber: "tshirt-01",
            mallSkuCode: "TSHIRT-M-BLK",
            name: "サンプルTシャツ",
            selectedChoice: "サイズ:M\nカラー:ブラック\nラッピング:希望する",
            unitPrice: 2200,
            // The variation (サイズ, カラー) is the SKU's; only the option line may carry a surcharge.
            options: [{ name: "ラッピング", choice: "希望する", amount: null }],
            optionAmount: 0,
            quantity: 2,
            mallLineId: "20000001",
            mallVariantId: "m-black",
          },
          {
            // No システム連携用SKU番号: the variation text is the SKU part; the tax-included price is used.
            mallItemCode: "bottle-02",
            mallItemNumber: "bottle-02",
            mallSkuCode: "容量:500ml",
            name: "サンプル水筒",
            selectedChoice: "容量:500ml",
            unitPrice: 1650,
            options: [],
            optionAmount: 0,
            quantity: 1,
            mallLineId: "20000002",
            mallVariantId: "v500",
          },
          // socks-03 has deleteItemFlag 1 and is left out.
        ],
        shippingFee: 0,
        shippings: [
          {
            mallShippingId: "30000001",
            carrierCode: "1001",
            trackingNumber: "1234-5678-9012",
            shippedOn: "2025-03-03",
          },
        ],
      },
      {
        mallPackageId: "10000002",
        shipTo: {
          name: "楽天 花子",
          nameKana: "ラクテン ハナコ",
          postalCode: "530-0001",
          prefecture: "大阪府",
          address1: "大阪市北区梅田9-9-9",
          phone: "090-11112222",
        },
        pickupPoint: null,
        dropOffLocation: "宅配ボックス",
        noshi: "御祝",
        temperature: null,
        remoteIsland: false,
        chosenCarrier: { mallCode: "1002", label: "佐川急便", carrier: "sagawa" },
        addressPending: false,
        items: [
          {
            // A single-SKU item: its options (のし) are shown but are not part of the match.
            mallItemCode: "mug-04",
            mallItemNumber: "mug-04",
            mallSkuCode: "",
            name: "サンプルマグカップ",
            selectedChoice: "のし:なし",
            unitPrice: 1320,
            options: [{ name: "のし", choice: "なし", amount: null }],
            optionAmount: 0,
            quantity: 3,
            mallLineId: "20000004",
            mallVariantId: "mug-04",
          },
        ],
        shippingFee: 880,
        shippings: [],
      },
    ],
    gift: true,
    wrappings: [{ name: "包装紙", fee: 330 }],
    subtotal: 2200 * 2 + 1650 + 1320 * 3,
    shippingFee: 880,
    fees: 330,
    feeBreakdown: { cashOnDelivery: 0, payment: 0, deferredPayment: 0, wrapping: 330 },
    couponDiscount: 500,
    couponDiscounts: { shop: 300, mall: 200 },
    taxSummary: [{ ratePercent: 10, amount: 10720, tax: 974 }],
    pointsUsed: 100,
    billedTotal: 10620,
    remarks: "[配送日時指定:]\n2025-03-05(水)\n14:00〜16:00\n\n[備考欄:]\n玄関前に置いてください",
    desiredDeliveryDate: "2025-03-05",
    desiredTimeSlot: "14:00-16:00",
    sourceVersion: 10,
  };
  assert.deepEqual(order, expected);
});

test("a pre-version order: the settlement name, no SKU data, +09:00 datetimes, an 8-digit serial", () => {
  const order = only(ordersOf(preVersion));
  assert.equal(order.mallOrderNumber, "999999-20190408-00001234");
  assert.equal(order.orderedAt.toISOString(), "2019-04-08T01:00:00.000Z");
  assert.equal(order.sourceVersion, undefined);
  assert.deepEqual(
    { method: order.paymentMethod, label: order.paymentMethodLabel, paid: order.paid },
    { method: "bank_transfer", label: "銀行振込", paid: true },
  );
  const item = only(only(order.packages).items);
  assert.deepEqual(item, {
    mallItemCode: "shirt-05",
    mallItemNumber: "SHIRT-05LRED",
    mallSkuCode: "サイズ:L\nカラー:赤",
    name: "サンプルシャツ",
    selectedChoice: "サイズ:L\nカラー:赤",
    unitPrice: 3300,
    // Before the SKU migration every line is an option (項目選択肢); none of these carries an amount.
    options: [
      { name: "サイズ", choice: "L", amount: null },
      { name: "カラー", choice: "赤", amount: null },
    ],
    optionAmount: 0,
    quantity: 1,
    mallLineId: "4000001",
  });
  assert.deepEqual(
    [
      order.subtotal,
      order.shippingFee,
      order.fees,
      order.couponDiscount,
      order.pointsUsed,
      order.billedTotal,
    ],
    [3300, 600, 0, 0, 0, 3900],
  );
  assert.deepEqual([order.desiredDeliveryDate, order.desiredTimeSlot], ["2019-04-10", "午前中"]);
});

test("postage -9999 is undetermined: that package's fee and the order's are null, never summed", () => {
  const [cod, cancelled] = ordersOf(undeterminedAndCancelled);
  assert.ok(cod && cancelled);
  assert.deepEqual(
    cod.packages.map((p) => p.shippingFee),
    [550, null],
  );
  assert.equal(cod.shippingFee, null);
  assert.equal(cod.billedTotal, null);
  assert.equal(cod.fees, 330);
  assert.equal(cod.subtotal, 7700);
  assert.deepEqual(
    { method: cod.paymentMethod, paid: cod.paid, status: cod.mallStatus },
    {
      method: "cash_on_delivery",
      paid: false,
      status: { code: "100", label: "注文確認待ち", cancelled: false },
    },
  );
  assert.deepEqual([cod.desiredDeliveryDate, cod.desiredTimeSlot], ["2025-03-08", "14:00-16:00"]);
  assert.equal(cod.buyer.phone, "098-0000");
  assert.equal(cod.buyer.nameKana, undefined);
  assert.equal(cod.remarks, "");
  assert.deepEqual(
    cod.packages.flatMap((p) => p.items.map((i) => [i.mallItemCode, i.mallSkuCode])),
    [
      ["cushion-11", "CUSHION"],
      ["cloth-12", "CLOTH"],
    ],
  );
  assert.equal(cod.sourceVersion, 8);
});

test("900 キャンセル確定 is cancelled and a cancelled prepaid order is not paid", () => {
  const cancelled = ordersOf(undeterminedAndCancelled)[1];
  assert.ok(cancelled);
  assert.deepEqual(cancelled.mallStatus, { code: "900", label: "キャンセル確定", cancelled: true });
  assert.deepEqual([cancelled.paymentMethod, cancelled.paid], ["convenience_store", false]);
  assert.equal(cancelled.orderedAt.toISOString(), "2025-02-28T14:59:59.000Z");
  // shippingTerm 9 (その他) leaves the slot to the remarks, written with full-width colons.
  assert.deepEqual([cancelled.desiredDeliveryDate, cancelled.desiredTimeSlot], ["2025-03-04", "18:00-20:00"]);
  assert.equal(cancelled.pointsUsed, 0);
});

/** The two-package fixture with its first line's choice and variation replaced. */
function withChoice(selectedChoice: string, skuInfo: string | null, sku = true) {
  const json = structuredClone(twoPackages) as {
    OrderModelList: { PackageModelList: { ItemModelList: Record<string, unknown>[] }[] }[];
  };
  const item = json.OrderModelList[0]?.PackageModelList[0]?.ItemModelList[0];
  assert.ok(item);
  item.selectedChoice = selectedChoice;
  item.SkuModelList = sku ? [{ variantId: "m-black", merchantDefinedSkuId: null, skuInfo }] : [];
  return only(only(ordersOf(json)).packages[0]?.items.slice(0, 1) ?? []);
}

test("オプション金額: the surcharges the option lines' words give, per unit, apart from the mall's price", () => {
  const line = withChoice(
    "サイズ:M(+500円)\nラッピング:希望する(+330円)\nメッセージカード:あり（＋１１０円）",
    "サイズ:M(+500円)",
  );
  // The variation's words are the SKU's: its price difference is in the SKU's price already.
  assert.deepEqual(line.options, [
    { name: "ラッピング", choice: "希望する(+330円)", amount: 330 },
    { name: "メッセージカード", choice: "あり(+110円)", amount: 110 },
  ]);
  assert.equal(line.optionAmount, 440);
  assert.equal(line.unitPrice, 2200, "RMS's price never counts an option's surcharge");
  assert.equal(withChoice("レビュー特典:辞退する(-100円)", null).optionAmount, -100);
  // Before the SKU migration every line is a 項目選択肢.
  const old = withChoice("カラー:赤(+500円)\n名入れ:あり", null, false);
  assert.equal(old.optionAmount, 500);
  assert.deepEqual(
    old.options.map((o) => o.amount),
    [500, null],
  );
});

test("billedTotal = subtotal + shippingFee + fees − couponDiscount − pointsUsed whenever all are known", () => {
  const orders = [twoPackages, preVersion, undeterminedAndCancelled, partlyNotFound].flatMap(ordersOf);
  assert.equal(orders.length, 5);
  for (const o of orders) {
    if (o.billedTotal === null || o.shippingFee === null || o.fees === null) continue;
    assert.equal(
      o.subtotal + o.shippingFee + o.fees - o.couponDiscount - o.pointsUsed,
      o.billedTotal,
      o.mallOrderNumber,
    );
  }
});
