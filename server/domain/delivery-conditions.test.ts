import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type ConditionConflict,
  deliveryConditionsSchema,
  deriveShipmentConditions,
  describeConflict,
  type ProductConditions,
  timeSlotProblem,
} from "./delivery-conditions.ts";

const SHOP = "00000000-0000-4000-8000-000000000001";
const OSAKA = "00000000-0000-4000-8000-000000000002";
const p = (sku: string, over: Partial<ProductConditions> = {}): ProductConditions => ({
  sku,
  shippingService: "standard",
  temperature: "ambient",
  warehouseId: null,
  carrier: null,
  leadDays: 0,
  timeSlots: null,
  ...over,
});
const defaults = { warehouseId: SHOP, mallTemperature: null };

test("a shipment's conditions come from its products: the strictest wins, conflicts are flagged", () => {
  const rows: [string, ProductConditions[], Partial<ReturnType<typeof deriveShipmentConditions>>][] = [
    [
      "no product yet (未マッピング): shop's warehouse, nothing derived",
      [],
      {
        warehouseId: SHOP,
        carrier: null,
        shippingService: null,
        temperature: null,
        leadDays: 0,
        conflicts: [],
      },
    ],
    [
      "one plain product: the shop's warehouse and the warehouse's carrier",
      [p("A")],
      { warehouseId: SHOP, carrier: null, shippingService: "standard", temperature: null, leadDays: 0 },
    ],
    [
      "a product's own warehouse and carrier",
      [p("A", { warehouseId: OSAKA, carrier: "sagawa" })],
      { warehouseId: OSAKA, carrier: "sagawa", conflicts: [] },
    ],
    [
      "null carrier states no preference: the other product's choice stands",
      [p("A", { carrier: "yamato" }), p("B")],
      { carrier: "yamato", conflicts: [] },
    ],
    [
      "ネコポス + 宅配便 → 宅配便; 常温 + 冷凍 → 冷凍; longest お届け対応可能日数",
      [p("A", { shippingService: "mailbox", leadDays: 2 }), p("B", { temperature: "frozen", leadDays: 5 })],
      { shippingService: "standard", temperature: "frozen", leadDays: 5 },
    ],
    [
      "タイム便 outranks 着払い",
      [p("A", { shippingService: "recipient_pays" }), p("B", { shippingService: "time_10" })],
      { shippingService: "time_10" },
    ],
  ];
  for (const [why, products, expected] of rows) {
    const got = deriveShipmentConditions(products, defaults);
    for (const [key, value] of Object.entries(expected))
      assert.deepEqual(got[key as keyof typeof got], value, `${why}: ${key}`);
  }
});

test("the mall's クール便 choice counts with the products' temperature", () => {
  assert.equal(
    deriveShipmentConditions([p("A")], { ...defaults, mallTemperature: "chilled" }).temperature,
    "chilled",
  );
  assert.equal(
    deriveShipmentConditions([p("A", { temperature: "frozen" })], { ...defaults, mallTemperature: "chilled" })
      .temperature,
    "frozen",
  );
});

test("different carriers or warehouses in one parcel: flagged with the SKUs, not guessed", () => {
  const carriers = deriveShipmentConditions(
    [p("A", { carrier: "yamato" }), p("B", { carrier: "sagawa" })],
    defaults,
  );
  assert.equal(carriers.carrier, null);
  assert.deepEqual(carriers.conflicts, [
    {
      field: "carrier",
      groups: [
        { value: "yamato", skus: ["A"] },
        { value: "sagawa", skus: ["B"] },
      ],
    },
  ]);
  // A null warehouse is the shop's: it conflicts with a product that names another one.
  const places = deriveShipmentConditions(
    [p("A"), p("B", { warehouseId: OSAKA }), p("C", { warehouseId: SHOP })],
    defaults,
  );
  assert.equal(places.warehouseId, SHOP);
  assert.deepEqual(places.conflicts, [
    {
      field: "warehouse",
      groups: [
        { value: SHOP, skus: ["A", "C"] },
        { value: OSAKA, skus: ["B"] },
      ],
    },
  ]);
  const names: Record<string, string> = { [SHOP]: "東京倉庫", [OSAKA]: "大阪倉庫" };
  assert.equal(
    describeConflict(places.conflicts[0] as ConditionConflict, (id) => names[id] ?? id),
    "物流会社が商品で異なります(A・C: 東京倉庫 / B: 大阪倉庫)。1つの荷物にまとめられません",
  );
  assert.equal(
    describeConflict(carriers.conflicts[0] as ConditionConflict, () => ""),
    "配送会社が商品で異なります(A: ヤマト運輸 / B: 佐川急便)。1つの荷物にまとめられません",
  );
});

test("お届け時間帯: refused when the carrier does not offer it or a product does not accept it", () => {
  const yamato = { label: "ヤマト運輸", slots: ["am", "14-16", "16-18", "18-20", "19-21"] };
  const rows: [
    string,
    string | null,
    string | null,
    typeof yamato | null,
    ProductConditions[],
    RegExp | null,
  ][] = [
    ["no wish", null, null, yamato, [p("A", { timeSlots: [] })], null],
    ["an offered slot, every product open", "14:00-16:00", "14-16", yamato, [p("A")], null],
    ["ヤマト has no 12〜14時", "12:00-14:00", "12-14", yamato, [p("A")], /ヤマト運輸では指定できません/],
    ["a wish no carrier can express (午後)", "午後", null, yamato, [p("A")], /「午後」はヤマト運輸では/],
    ["carrier not known yet: only the products are checked", "12:00-14:00", "12-14", null, [p("A")], null],
    [
      "a product that takes 午前中 only",
      "18:00-20:00",
      "18-20",
      yamato,
      [p("A", { timeSlots: ["am"] })],
      /商品 A の配送条件で受け付けていません\(受け付けるのは 午前中\)/,
    ],
    [
      "a product that takes no slot at all",
      "午前中",
      "am",
      null,
      [p("A", { timeSlots: [] })],
      /受け付けるのは 時間帯指定なし/,
    ],
    ["a product that accepts it", "午前中", "am", yamato, [p("A", { timeSlots: ["am", "14-16"] })], null],
  ];
  for (const [why, wish, key, carrier, products, expected] of rows) {
    const got = timeSlotProblem(wish, key, carrier, products);
    if (expected === null) assert.equal(got, null, why);
    else assert.match(got ?? "", expected, why);
  }
});

test("配送条件 input is checked field by field, in Japanese", () => {
  const bad = deliveryConditionsSchema.safeParse({
    warehouseId: "x",
    carrier: "fedex",
    leadDays: 61,
    timeSlots: ["9-12"],
  });
  assert.equal(bad.success, false);
  const messages = Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
  assert.equal(messages.warehouseId, "物流会社は倉庫のIDで指定してください");
  assert.match(messages.carrier ?? "", /^配送会社は yamato, sagawa, japanpost, other/);
  assert.equal(messages.leadDays, "お届け対応可能日数は60日までです");
  assert.match(messages["timeSlots.0"] ?? "", /^時間帯は am, 12-14/);
  assert.ok(
    deliveryConditionsSchema.safeParse({ warehouseId: null, carrier: null, leadDays: 0, timeSlots: null })
      .success,
  );
});
