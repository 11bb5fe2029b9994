import assert from "node:assert/strict";
import { test } from "node:test";
import { sameAddress } from "./address.ts";
import { mallOrderChanges, type StoredMallOrder } from "./mall-order-changes.ts";
import { cancelAtMall, type OrderSnapshot } from "./order.ts";
import { ORDER_STATUSES, type OrderStatus, type ShippingStatus } from "./order-status.ts";
import { Refusal } from "./refusal.ts";
import { defaultShopSettings, mallSyncActive } from "./shop-settings.ts";

const order = (status: OrderStatus, shipping: ShippingStatus = "allocated"): OrderSnapshot => ({
  status,
  paymentMethod: "credit_card",
  paidAt: null,
  total: 1000,
  graceUntil: new Date("2026-12-01T10:30:00+09:00"),
  deletedAt: null,
  items: [{ mapped: true }],
  shipments: [{ id: "s1", status: shipping }],
  tags: [],
});

test("a mall-side cancellation: followed before the warehouse, refused with its rule once it has the parcel", () => {
  const expected: Record<OrderStatus, string> = {
    new: "cancelled",
    awaiting_confirmation: "cancelled",
    confirmed: "cancelled",
    awaiting_shipment: "cancelled",
    shipping: "shipment_in_progress",
    shipped: "already_shipped",
    completed: "already_shipped",
    cancelled: "already_cancelled",
  };
  for (const status of ORDER_STATUSES) {
    const shipping: ShippingStatus =
      status === "shipping"
        ? "shipping"
        : status === "shipped" || status === "completed"
          ? "shipped"
          : "allocated";
    const result = cancelAtMall(order(status, shipping));
    if (result instanceof Refusal) {
      assert.equal(result.code, "order.mall_cancel_needs_person", status);
      assert.equal(result.rule, expected[status], status);
    } else {
      assert.equal(expected[status], "cancelled", status);
      assert.equal(result.order.status, "cancelled");
      assert.deepEqual(
        result.order.shipments.map((s) => s.status),
        ["cancelled"],
      );
      assert.match(result.events.at(-1)?.message ?? "", /モール側でキャンセル/);
    }
  }
});

test("a shipment at the warehouse blocks the mall's cancel even when the order looks earlier", () => {
  const result = cancelAtMall(order("awaiting_shipment", "shipping"));
  assert.ok(result instanceof Refusal);
  assert.equal(result.rule, "shipment_in_progress");
});

const stored: StoredMallOrder = {
  mallStatus: "100",
  shippingFee: null,
  fees: 0,
  couponDiscount: 0,
  pointsUsed: 0,
  total: null,
  remarks: null,
  shipTo: {
    phone: "03-1",
    name: "楽天 太郎",
    address1: "世田谷区1-1",
    postalCode: "158-0094",
    prefecture: "東京都",
  },
  items: [{ mallItemCode: "a", mallSkuCode: "a-1", quantity: 1, unitPrice: 1000 }],
};
const incoming = {
  mallStatus: { code: "100", label: "注文確認待ち" },
  shippingFee: null,
  fees: 0,
  couponDiscount: 0,
  pointsUsed: 0,
  billedTotal: null,
  remarks: "",
  packages: [
    {
      shipTo: {
        name: "楽天 太郎",
        postalCode: "158-0094",
        prefecture: "東京都",
        address1: "世田谷区1-1",
        phone: "03-1",
      },
      items: [{ mallItemCode: "a", mallSkuCode: "a-1", quantity: 1, unitPrice: 1000 }],
    },
  ],
};

test("the same order seen again changes nothing, whatever order jsonb gave the address keys back in", () => {
  const changes = mallOrderChanges(stored, incoming);
  assert.deepEqual(changes, { set: {}, described: [], itemsChanged: false });
  assert.ok(sameAddress(stored.shipTo, incoming.packages[0]?.shipTo));
});

test("postage fixed at the mall: the amounts are taken, an undetermined one is never 0", () => {
  const changes = mallOrderChanges(stored, { ...incoming, shippingFee: 800, billedTotal: 1800 });
  assert.deepEqual(changes.set, { shippingFee: 800, total: 1800 });
  assert.deepEqual(changes.described, ["送料: 未確定 → 800円", "請求金額: 未確定 → 1800円"]);
  assert.equal(changes.itemsChanged, false);
});

test("changed items, status and ship-to are each described; items are flagged, not rewritten", () => {
  const [pkg] = incoming.packages;
  if (!pkg) throw new Error("fixture");
  const changes = mallOrderChanges(stored, {
    ...incoming,
    mallStatus: { code: "300", label: "発送待ち" },
    packages: [
      {
        shipTo: { ...pkg.shipTo, address1: "世田谷区2-2" },
        items: [{ mallItemCode: "a", mallSkuCode: "a-1", quantity: 2, unitPrice: 1000 }],
      },
    ],
  });
  assert.equal(changes.itemsChanged, true);
  assert.equal(changes.set.mallStatus, "300");
  assert.equal(changes.set.shipTo?.address1, "世田谷区2-2");
  assert.equal(changes.described.length, 3);
});

test("a line's price risen by exactly its オプション金額 is the surcharge now billed, not a changed item", () => {
  const withOption = { ...stored, items: [{ ...stored.items[0], optionAmount: 330 }] } as typeof stored;
  const priced = (unitPrice: number) => ({
    ...incoming,
    packages: incoming.packages.map((p) => ({ ...p, items: p.items.map((i) => ({ ...i, unitPrice })) })),
  });
  const cases: [typeof stored, number, boolean][] = [
    [withOption, 1000, false],
    [withOption, 1330, false],
    [withOption, 1300, true],
    [stored, 1330, true],
  ];
  for (const [before, price, changed] of cases)
    assert.equal(mallOrderChanges(before, priced(price)).itemsChanged, changed, `${price}`);
});

test("受注連動 tells the mall only once sync is on, its start has come, and never for test imports", () => {
  const now = new Date("2026-12-01T10:00:00+09:00");
  const base = defaultShopSettings({ gracePeriodMinutes: 30, takesCancels: true });
  const on = { ...base, syncEnabled: true, syncStartAt: "2026-12-01T09:00:00+09:00" };
  assert.equal(mallSyncActive(base, now, { testImport: false }), false);
  assert.equal(mallSyncActive(on, now, { testImport: false }), true);
  assert.equal(mallSyncActive(on, now, { testImport: true }), false);
  assert.equal(
    mallSyncActive({ ...on, syncStartAt: "2026-12-01T11:00:00+09:00" }, now, { testImport: false }),
    false,
  );
});
