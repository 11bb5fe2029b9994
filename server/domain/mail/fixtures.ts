import type { MailFacts } from "./facts.ts";

/** One order as the send job would gather it, for the mail domain's tests. */
export function sampleFacts(overrides: Partial<MailFacts> = {}): MailFacts {
  return {
    shopName: "お茶の山田園",
    orderNumber: "123456-20261201-0000001",
    orderedAt: new Date("2026-11-30T15:05:00Z"),
    buyerName: "山田 太郎",
    buyerEmail: "taro@example.jp",
    shipTo: {
      name: "山田 花子",
      postalCode: "1500001",
      prefecture: "東京都",
      address1: "渋谷区神宮前1-2-3",
      address2: "山田ビル201",
      phone: "03-1234-5678",
    },
    items: [
      { name: "煎茶 100g", quantity: 2, unitPrice: 1080 },
      { name: "ほうじ茶ティーバッグ 30包", quantity: 10, unitPrice: 1200 },
    ],
    subtotal: 14_160,
    shippingFee: 550,
    fees: 330,
    couponDiscount: 300,
    pointsUsed: 100,
    total: 14_640,
    paymentMethodLabel: "クレジットカード",
    desiredDeliveryDate: "2026-12-05",
    desiredTimeSlot: "14時～16時",
    shipment: null,
    cancelReason: null,
    companyName: null,
    refusalReason: null,
    customerRank: null,
    ...overrides,
  };
}
