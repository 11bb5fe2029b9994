import assert from "node:assert/strict";
import { type CarrierCsv, type CarrierCsvProblem, CarrierCsvRefusal, type CarrierSlip } from "./slip.ts";

/** A made-up buyer and shop (no real person's data), and a slip builder for the layout tests. */
export const SHOP = {
  name: "ジュチュウ雑貨店",
  postalCode: "150-0001",
  prefecture: "東京都",
  address1: "渋谷区神宮前1-2-3",
  address2: "神宮前ビル5F",
  phone: "03-1234-5678",
};

export function slip(overrides: Partial<CarrierSlip> = {}): CarrierSlip {
  return {
    slipNumber: "J0000000123",
    shipDate: "2026-03-02",
    deliveryDate: "2026-03-04",
    deliveryTimeSlot: "14:00-16:00",
    recipient: {
      name: "山田 花子",
      postalCode: "5300001",
      prefecture: "大阪府",
      address1: "大阪市北区梅田1-1-1",
      address2: "梅田ハイツ101",
      phone: "090-1111-2222",
    },
    sender: SHOP,
    itemName: "雑貨",
    service: "standard",
    temperature: "ambient",
    cashOnDelivery: null,
    orderNumber: "123456-20260301-0000000001",
    ...overrides,
  };
}

/** The value at a 1-based column, as the carriers' manuals number them. */
export const col = (row: readonly string[] | undefined, n: number) => row?.[n - 1];

/** A file every slip went into. */
export function rowsOf(result: CarrierCsv | CarrierCsvRefusal): CarrierCsv {
  if (result instanceof CarrierCsvRefusal) assert.fail(JSON.stringify(result.problems, null, 1));
  assert.deepEqual(result.leftOut, [], "no slip left out");
  return result;
}

/** Every problem found: the settings' (a refused file) or the left-out slips'. */
export function problemsOf(result: CarrierCsv | CarrierCsvRefusal): CarrierCsvProblem[] {
  if (result instanceof CarrierCsvRefusal) return [...result.problems];
  return result.leftOut.flatMap((s) => s.problems);
}
