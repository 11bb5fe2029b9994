import assert from "node:assert/strict";
import { test } from "node:test";
import type { OrderStatus, ShippingStatus } from "../order-status.ts";
import { Refusal } from "../refusal.ts";
import {
  approveCancelRequest,
  BUYER_DETAIL_LABELS,
  BUYER_HISTORY_LABELS,
  CANCEL_REASONS,
  CANCEL_REQUEST_TRANSITIONS,
  type CancelRequest,
  type CancelRequestFacts,
  canRequestCancel,
  characterCount,
  checkReason,
  MERCHANT_LABELS,
  refuseCancelRequest,
  requestCancel,
  requestRefusal,
} from "./cancel-request.ts";

const NOW = new Date("2026-12-07T10:00:00+09:00");
const BY = { companyName: "株式会社テスト商事" };

const facts = (over: Partial<CancelRequestFacts> = {}): CancelRequestFacts => ({
  allowed: true,
  status: "confirmed",
  shipments: [{ status: "allocated" }],
  request: null,
  ...over,
});

const requested: CancelRequest = {
  status: "requested",
  reasonCode: "duplicate",
  reasonText: null,
  requestedAt: NOW,
  decidedAt: null,
  decidedBy: null,
  refusalReason: null,
};

const codeOf = (result: unknown) => (result instanceof Refusal ? result.code : "ok");

test("the seed's words, exactly", () => {
  assert.deepEqual(BUYER_HISTORY_LABELS, {
    requested: "キャンセルリクエスト中",
    approved: "キャンセルリクエストが承認され取引停止されました",
    refused: "キャンセルできませんでした",
  });
  assert.equal(BUYER_DETAIL_LABELS.approved, "取引中止");
  assert.equal(BUYER_DETAIL_LABELS.refused, "キャンセル却下");
  assert.equal(MERCHANT_LABELS.requested, "発注者がキャンセルを希望しています");
  assert.equal(MERCHANT_LABELS.refused, "キャンセルのリクエストを却下しました。");
  assert.equal(CANCEL_REASONS.other, "その他");
});

test("the transition table: none → requested → approved | refused, both final", () => {
  assert.deepEqual(CANCEL_REQUEST_TRANSITIONS, {
    none: ["requested"],
    requested: ["approved", "refused"],
    approved: [],
    refused: [],
  });
  const asked = requestCancel(facts(), { reasonCode: "duplicate" }, BY, NOW);
  assert.ok(!(asked instanceof Refusal));
  assert.equal(asked.request.status, "requested");
  const approved = approveCancelRequest(asked.request, "user:1", NOW);
  assert.ok(!(approved instanceof Refusal));
  assert.equal(approved.request.status, "approved");
  const refused = refuseCancelRequest(asked.request, {}, "user:1", NOW);
  assert.ok(!(refused instanceof Refusal));
  assert.equal(refused.request.status, "refused");
  for (const done of [approved.request, refused.request]) {
    assert.equal(codeOf(approveCancelRequest(done, "user:1", NOW)), "b2b_cancel.already_decided");
    assert.equal(codeOf(refuseCancelRequest(done, {}, "user:1", NOW)), "b2b_cancel.already_decided");
    // A decided request is final: no second request (its mails go once per order).
    assert.equal(codeOf(requestRefusal(facts({ request: done }))), "b2b_cancel.already_requested");
  }
});

test("a request is taken only while 許可, before 出荷済, once, and not after 取引中止", () => {
  const shipped = (s: ShippingStatus) => [{ status: "shipped" as const }, { status: s }];
  const cases: [string, Partial<CancelRequestFacts>, string][] = [
    ["allowed, allocated", {}, "ok"],
    ["allowed, new", { status: "new", shipments: [{ status: "allocating" }] }, "ok"],
    [
      "allowed, 出荷作業中 (not yet 出荷済)",
      { status: "shipping", shipments: [{ status: "shipping" }] },
      "ok",
    ],
    ["setting off", { allowed: false }, "b2b_cancel.not_allowed"],
    [
      "one parcel 出荷済",
      { status: "shipping", shipments: shipped("shipping") },
      "b2b_cancel.already_shipped",
    ],
    ["全出荷済", { status: "shipped", shipments: shipped("shipped") }, "b2b_cancel.already_shipped"],
    [
      "完了",
      { status: "completed" as OrderStatus, shipments: shipped("shipped") },
      "b2b_cancel.already_shipped",
    ],
    ["取引中止", { status: "cancelled", shipments: [{ status: "cancelled" }] }, "b2b_cancel.order_cancelled"],
    ["already requested", { request: requested }, "b2b_cancel.already_requested"],
  ];
  for (const [name, over, expected] of cases) {
    assert.equal(codeOf(requestRefusal(facts(over))), expected, name);
    assert.equal(canRequestCancel(facts(over)), expected === "ok", name);
    assert.equal(codeOf(requestCancel(facts(over), { reasonCode: "duplicate" }, BY, NOW)), expected, name);
  }
});

test("exactly one reason from the list; その他 needs 1–20 characters as the buyer counts them", () => {
  const cases: [string, { reasonCode: string; otherReason?: string }, string, string?][] = [
    ["a listed reason", { reasonCode: "wrong_quantity" }, "ok"],
    ["no reason", { reasonCode: "" }, "b2b_cancel.reason_required", "reasonCode"],
    ["an unknown reason", { reasonCode: "whatever" }, "b2b_cancel.reason_required", "reasonCode"],
    ["その他 without words", { reasonCode: "other" }, "b2b_cancel.reason_required", "otherReason"],
    [
      "その他 with blanks",
      { reasonCode: "other", otherReason: "　 " },
      "b2b_cancel.reason_required",
      "otherReason",
    ],
    ["その他, 20 characters", { reasonCode: "other", otherReason: "あ".repeat(20) }, "ok"],
    [
      "その他, 21 characters",
      { reasonCode: "other", otherReason: "あ".repeat(21) },
      "b2b_cancel.reason_too_long",
      "otherReason",
    ],
    // 20 emoji are 40 UTF-16 units but 20 characters on the buyer's screen.
    ["その他, 20 emoji", { reasonCode: "other", otherReason: "🍣".repeat(20) }, "ok"],
    ["その他, 20 family emoji", { reasonCode: "other", otherReason: "👨‍👩‍👧".repeat(20) }, "ok"],
    [
      "その他, 21 emoji",
      { reasonCode: "other", otherReason: "🍣".repeat(21) },
      "b2b_cancel.reason_too_long",
      "otherReason",
    ],
  ];
  for (const [name, input, expected, path] of cases) {
    const result = checkReason(input);
    assert.equal(codeOf(result), expected, name);
    if (result instanceof Refusal) assert.equal(result.errors?.[0]?.path, path, name);
  }
  assert.equal(characterCount("か\u3099"), 1);
  assert.equal(characterCount("👨‍👩‍👧"), 1);
});

test("the request keeps the reason and names the company on the timeline; nothing is cancelled", () => {
  const result = requestCancel(facts(), { reasonCode: "other", otherReason: " 単価の誤り " }, BY, NOW);
  assert.ok(!(result instanceof Refusal));
  assert.deepEqual(result.request, { ...requested, reasonCode: "other", reasonText: "単価の誤り" });
  assert.equal(result.event.type, "b2b_cancel_requested");
  assert.match(result.event.message, /株式会社テスト商事.*単価の誤り/);
  assert.equal(result.event.to, undefined);
});

test("approval and refusal need a waiting request; the refusal reason is optional, at most 20 characters", () => {
  assert.equal(codeOf(approveCancelRequest(null, "user:1", NOW)), "b2b_cancel.not_requested");
  assert.equal(codeOf(refuseCancelRequest(null, {}, "user:1", NOW)), "b2b_cancel.not_requested");
  const refused = refuseCancelRequest(requested, { reason: "出荷準備済みのため" }, "user:9", NOW);
  assert.ok(!(refused instanceof Refusal));
  assert.deepEqual(refused.request, {
    ...requested,
    status: "refused",
    decidedAt: NOW,
    decidedBy: "user:9",
    refusalReason: "出荷準備済みのため",
  });
  assert.equal(refused.event.message, "キャンセルのリクエストを却下しました。(理由: 出荷準備済みのため)");
  const silent = refuseCancelRequest(requested, { reason: "" }, "user:9", NOW);
  assert.ok(!(silent instanceof Refusal));
  assert.equal(silent.request.refusalReason, null);
  assert.ok(!(refuseCancelRequest(requested, { reason: "い".repeat(20) }, "u", NOW) instanceof Refusal));
  const tooLong = refuseCancelRequest(requested, { reason: "い".repeat(21) }, "u", NOW);
  assert.equal(codeOf(tooLong), "b2b_cancel.reason_too_long");
  assert.equal(tooLong instanceof Refusal && tooLong.errors?.[0]?.path, "reason");
  const approved = approveCancelRequest(requested, "user:9", NOW);
  assert.ok(!(approved instanceof Refusal));
  assert.deepEqual(approved.request, {
    ...requested,
    status: "approved",
    decidedAt: NOW,
    decidedBy: "user:9",
  });
});
