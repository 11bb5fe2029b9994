import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type ImportDecision,
  importDecision,
  manualRegistrationRefusal,
  type OrderWithNumber,
} from "./mall-order-number.ts";
import type { OrderStatus } from "./order-status.ts";
import { Refusal } from "./refusal.ts";

const NUMBER = "123456-20250601-0000012345";
const DELETED_AT = new Date("2025-06-01T12:00:00+09:00");

const live = (id: string, status: OrderStatus = "awaiting_confirmation"): OrderWithNumber => ({
  id,
  status,
  deletedAt: null,
});
const deleted = (id: string, status: OrderStatus = "awaiting_confirmation"): OrderWithNumber => ({
  id,
  status,
  deletedAt: DELETED_AT,
});
const cancelled = (id: string): OrderWithNumber => ({ id, status: "cancelled", deletedAt: null });

// SPEC.md §5: a cancelled number stays taken; a deleted one is freed for manual / CSV registration.
// biome-ignore format: a table, one row per line
const manual: { name: string; existing: OrderWithNumber[]; want: { code: string; rule: string } | null }[] = [
  { name: "unknown number accepted", existing: [], want: null },
  { name: "cancelled number refused", existing: [cancelled("o1")], want: { code: "order.mall_order_number_cancelled", rule: "cancelled_number_stays_taken" } },
  { name: "cancelled then re-registered elsewhere still refused", existing: [deleted("o1"), cancelled("o2")], want: { code: "order.mall_order_number_cancelled", rule: "cancelled_number_stays_taken" } },
  { name: "live number refused", existing: [live("o1")], want: { code: "order.mall_order_number_taken", rule: "number_unique_per_shop" } },
  { name: "completed order's number refused", existing: [live("o1", "completed")], want: { code: "order.mall_order_number_taken", rule: "number_unique_per_shop" } },
  { name: "deleted-only number accepted", existing: [deleted("o1")], want: null },
  { name: "number deleted twice accepted", existing: [deleted("o1"), deleted("o2")], want: null },
  { name: "deleted + live re-entry refused as taken", existing: [deleted("o1"), live("o2", "confirmed")], want: { code: "order.mall_order_number_taken", rule: "number_unique_per_shop" } },
];

for (const { name, existing, want } of manual) {
  test(`manualRegistrationRefusal: ${name}`, () => {
    const got = manualRegistrationRefusal(NUMBER, existing);
    if (want === null) {
      assert.equal(got, null);
      return;
    }
    assert.ok(got instanceof Refusal, `expected ${want.code}`);
    assert.equal(got.code, want.code);
    assert.equal(got.rule, want.rule);
    assert.equal(got.errors?.length, 1);
    assert.equal(got.errors?.[0]?.path, "mallOrderNumber", "the error names the field");
    assert.ok(got.detail.includes(NUMBER), "the message names the number");
  });
}

// SPEC.md §5 / §6: import is idempotent, never re-imports a deleted order, never a cancelled number.
// biome-ignore format: a table, one row per line
const imports: { name: string; existing: OrderWithNumber[]; want: ImportDecision }[] = [
  { name: "none → create", existing: [], want: { action: "create" } },
  { name: "live → update it", existing: [live("o1", "shipping")], want: { action: "update", orderId: "o1" } },
  { name: "live new order (grace period) → update it", existing: [live("o1", "new")], want: { action: "update", orderId: "o1" } },
  { name: "deleted → skip", existing: [deleted("o1")], want: { action: "skip", rule: "deleted_order_never_reimported" } },
  { name: "cancelled → skip", existing: [cancelled("o1")], want: { action: "skip", rule: "cancelled_number_never_imported" } },
  { name: "deleted + cancelled → skip as cancelled", existing: [deleted("o1"), cancelled("o2")], want: { action: "skip", rule: "cancelled_number_never_imported" } },
  { name: "deleted + live manual re-entry → update the live one", existing: [deleted("o1"), live("o2")], want: { action: "update", orderId: "o2" } },
  { name: "live manual re-entry listed first → update it", existing: [live("o2", "confirmed"), deleted("o1")], want: { action: "update", orderId: "o2" } },
];

for (const { name, existing, want } of imports) {
  test(`importDecision: ${name}`, () => {
    assert.deepEqual(importDecision(existing), want);
  });
}
