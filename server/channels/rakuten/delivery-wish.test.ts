import assert from "node:assert/strict";
import { test } from "node:test";
import { desiredDelivery, remarksDeliveryWish, shippingTermSlot } from "./delivery-wish.ts";

test("shippingTerm: 1 午前中, 2 午後, h1h2 numbers as hh:00-hh:00, 0 and 9 say nothing themselves", () => {
  const cases: [number, string | null][] = [
    [0, null],
    [1, "午前中"],
    [2, "午後"],
    [9, null],
    [708, "07:00-08:00"],
    [812, "08:00-12:00"],
    [1416, "14:00-16:00"],
    [1921, "19:00-21:00"],
    [2324, "23:00-24:00"],
    [1614, null],
    [625, null],
    [42, null],
  ];
  for (const [term, slot] of cases) assert.equal(shippingTermSlot(term), slot, String(term));
});

test("the [配送日時指定:] block of the remarks gives a date and a time slot in their usual spellings", () => {
  const cases: [string, string | null, string | null][] = [
    ["[配送日時指定:]\n2017-11-01(水)\n14:00\n自由記入欄の入力", "2017-11-01", "14:00"],
    ["[配送日時指定:]\n2012-11-01(木)\n18：00〜20：00", "2012-11-01", "18:00-20:00"],
    ["[配送日時指定:]\n2012-11-01(木)\n18:00〜20:00\n領収書希望", "2012-11-01", "18:00-20:00"],
    ["[配送日時指定:]\n2019-04-10(水) 午前中", "2019-04-10", "午前中"],
    ["[配送日時指定:]\n2018年01月23日\n\n[備考欄です:]\nなにかあればどうぞ", "2018-01-23", null],
    ["[配送日時指定:]\n２０１９年４月１０日（水）\n１４時－１６時", "2019-04-10", "14:00-16:00"],
    ["[配送日時指定:]\n2019/4/9\n12時頃-14時頃", "2019-04-09", "12:00-14:00"],
    ["[配送日時指定:]\n午前", null, "午前中"],
    ["[配送日時指定:]\n午後2時〜4時", null, "14:00-16:00"],
    ["[配送日時指定:]\n最終便(19：00以降)", null, "最終便(19:00以降)"],
    ["[配送日時指定:]\n指定なし\n指定なし", null, null],
    ["[配送日時指定:]\n\n", null, null],
    ["[配送日時指定:]", null, null],
    ["[配送日時指定:]2025-03-05(水)", "2025-03-05", null],
    ["[配送日時指定:]\n2019-02-30(土)", null, null],
    ["[離島一部地域の配送料金について:]\n※離島・一部地域は追加送料がかかる場合があります。\n", null, null],
    ["[備考:]\n2019-04-10 14:00-16:00 でお願いします", null, null],
    ["[メッセージ:]\nよろしく\n[配送日時指定:]\n2019-04-12(金)\n[備考:]\n16時-18時", "2019-04-12", null],
    ["", null, null],
  ];
  for (const [remarks, date, timeSlot] of cases) {
    assert.deepEqual(remarksDeliveryWish(remarks), { date, timeSlot }, JSON.stringify(remarks));
  }
});

test("deliveryDate and shippingTerm win; the remarks fill what they leave open; 9 falls back to その他", () => {
  const remarks = "[配送日時指定:]\n2025-03-05(水)\n18:00-20:00";
  const cases: [Parameters<typeof desiredDelivery>[0], string | null, string | null][] = [
    [{ deliveryDate: "2025-03-08", shippingTerm: 1416, remarks }, "2025-03-08", "14:00-16:00"],
    [{ deliveryDate: null, shippingTerm: 0, remarks }, "2025-03-05", "18:00-20:00"],
    [{ deliveryDate: null, shippingTerm: 9, remarks }, "2025-03-05", "18:00-20:00"],
    [{ deliveryDate: null, shippingTerm: 9, remarks: null }, null, "その他"],
    [{ deliveryDate: "not a date", shippingTerm: null, remarks: "" }, null, null],
    [{}, null, null],
  ];
  for (const [order, date, timeSlot] of cases) {
    assert.deepEqual(desiredDelivery(order), { date, timeSlot }, JSON.stringify(order));
  }
});
