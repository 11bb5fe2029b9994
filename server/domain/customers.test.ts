import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type Buyer,
  customerKeysOf,
  linkBuyers,
  normalEmail,
  normalNamePostal,
  normalPhone,
} from "./customers.ts";

test("e-mail: trimmed, lower case, full-width to half-width; not an address is no key", () => {
  const cases: [string, string | null][] = [
    ["Taro@Example.JP", "taro@example.jp"],
    ["  taro@example.jp　", "taro@example.jp"],
    ["ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp"],
    ["", null],
    ["no-address", null],
  ];
  for (const [typed, expected] of cases) assert.equal(normalEmail(typed), expected, typed);
});

test("phone: digits only, full-width digits, +81 is the leading 0; too short or all zeros is no key", () => {
  const cases: [string | null, string | null][] = [
    ["090-1234-5678", "09012345678"],
    ["０９０－１２３４－５６７８", "09012345678"],
    ["(03) 1234 5678", "0312345678"],
    ["+81 90-1234-5678", "09012345678"],
    ["+81 (0)90 1234 5678", "09012345678"],
    ["＋８１９０１２３４５６７８", "09012345678"],
    ["000-0000-0000", null],
    ["1234", null],
    [null, null],
  ];
  for (const [typed, expected] of cases) assert.equal(normalPhone(typed), expected, String(typed));
});

test("name + postal code: spaces of both widths squashed, half-width kana made full, 7 digits", () => {
  assert.equal(normalNamePostal("山田　太郎", "150-0001"), "山田太郎|1500001");
  assert.equal(normalNamePostal("山田 太郎 ", "１５００００１"), "山田太郎|1500001");
  assert.equal(normalNamePostal("ﾔﾏﾀﾞ ﾀﾛｳ", "1500001"), "ヤマダタロウ|1500001");
  assert.equal(normalNamePostal("山田太郎", "150"), null, "no whole postal code");
  assert.equal(normalNamePostal("　", "1500001"), null, "no name");
});

const buyer = (over: Partial<Buyer> = {}): Buyer => ({
  email: "taro@example.jp",
  emailMasked: false,
  phone: "090-1234-5678",
  name: "山田 太郎",
  postalCode: "1500001",
  ...over,
});

test("keys strongest first; a masked relay address is no key", () => {
  assert.deepEqual(
    customerKeysOf(buyer()).map((k) => k.kind),
    ["email", "phone", "name_postal"],
  );
  assert.deepEqual(
    customerKeysOf(buyer({ email: "a1b2c3@pc.fw.rakuten.ne.jp", emailMasked: true })).map((k) => k.kind),
    ["phone", "name_postal"],
  );
});

const ids = () => {
  let n = 0;
  return () => `c${++n}`;
};

test("linking: the same buyer however typed is one customer; strangers are new ones", () => {
  const linked = linkBuyers(
    [
      buyer(),
      buyer({ email: " TARO@example.jp", phone: null }),
      // A relay address each time: recognised by phone.
      buyer({ email: "x1@pc.fw.rakuten.ne.jp", emailMasked: true, phone: "+81-90-1234-5678" }),
      // No e-mail of its own and another phone: by name + postal code.
      buyer({ email: "x2@pc.fw.rakuten.ne.jp", emailMasked: true, phone: null, name: "山田　太郎" }),
      buyer({ email: "hanako@example.jp", phone: "080-0000-1111", name: "佐藤 花子" }),
      // Same name, another postal code, nothing else in common: another person.
      buyer({ email: "x3@pc.fw.rakuten.ne.jp", emailMasked: true, phone: null, postalCode: "9000001" }),
    ],
    new Map(),
    ids(),
  );
  assert.deepEqual(linked.customerOf, ["c1", "c1", "c1", "c1", "c2", "c3"]);
  assert.deepEqual(linked.newCustomers, [
    { id: "c1", first: 0 },
    { id: "c2", first: 4 },
    { id: "c3", first: 5 },
  ]);
  assert.equal(linked.newKeys.filter((k) => k.customerId === "c1").length, 3, "each key once");
});

test("linking: a known key finds the customer; the buyer's new keys join it", () => {
  const linked = linkBuyers(
    [buyer({ email: "new@example.jp" })],
    new Map([["phone:09012345678", "known"]]),
    ids(),
  );
  assert.deepEqual(linked.customerOf, ["known"]);
  assert.deepEqual(linked.newCustomers, []);
  assert.deepEqual(
    linked.newKeys.map((k) => `${k.kind}:${k.customerId}`),
    ["email:known", "name_postal:known"],
  );
});

test("linking: a buyer with A's e-mail and B's phone is A's; A and B stay two, B keeps its phone", () => {
  const linked = linkBuyers(
    [buyer()],
    new Map([
      ["email:taro@example.jp", "A"],
      ["phone:09012345678", "B"],
    ]),
    ids(),
  );
  assert.deepEqual(linked.customerOf, ["A"]);
  assert.deepEqual(
    linked.newKeys.map((k) => `${k.kind}:${k.customerId}`),
    ["name_postal:A"],
  );
});

test("linking: phone beats name + postal code when they point at two customers", () => {
  const linked = linkBuyers(
    [buyer({ email: "x@pc.fw.rakuten.ne.jp", emailMasked: true })],
    new Map([
      ["name_postal:山田太郎|1500001", "A"],
      ["phone:09012345678", "B"],
    ]),
    ids(),
  );
  assert.deepEqual(linked.customerOf, ["B"]);
});

test("linking: a buyer with no key at all is a customer of their own each time", () => {
  const none = buyer({ email: "x@pc.fw.rakuten.ne.jp", emailMasked: true, phone: null, postalCode: "" });
  const linked = linkBuyers([none, none], new Map(), ids());
  assert.deepEqual(linked.customerOf, ["c1", "c2"]);
  assert.deepEqual(linked.newKeys, []);
});
