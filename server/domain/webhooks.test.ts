import assert from "node:assert/strict";
import { test } from "node:test";
import {
  DISABLE_AFTER_FAILED_DELIVERIES,
  disabledReason,
  MAX_DELIVERY_ATTEMPTS,
  nextAttemptAt,
  webhookUrlProblem,
} from "./webhooks.ts";

const at = new Date("2030-01-15T00:00:00Z");
const after = (attempts: number) => {
  const next = nextAttemptAt(attempts, at);
  return next ? (next.getTime() - at.getTime()) / 1000 : null;
};

test("retries back off 30 s, 2 min, 10 min, 30 min, 2 h, 6 h, 12 h; the eighth failure gives up", () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(after), [30, 120, 600, 1800, 7200, 21600, 43200]);
  assert.equal(MAX_DELIVERY_ATTEMPTS, 8);
  assert.equal(after(8), null);
});

test("an endpoint is switched off at the fifth delivery given up in a row, with a reason", () => {
  assert.equal(disabledReason(DISABLE_AFTER_FAILED_DELIVERIES - 1), null);
  assert.match(disabledReason(DISABLE_AFTER_FAILED_DELIVERIES) ?? "", /5件続けて失敗/);
});

test("only http(s) URLs without credentials or fragment receive webhooks", () => {
  assert.equal(webhookUrlProblem("https://example.com/juchu?x=1"), null);
  assert.equal(webhookUrlProblem("http://127.0.0.1:8080/hook"), null);
  assert.match(webhookUrlProblem("ftp://example.com/") ?? "", /http:\/\/ か https:\/\//);
  assert.match(webhookUrlProblem("javascript:alert(1)") ?? "", /http:\/\/ か https:\/\//);
  assert.match(webhookUrlProblem("example.com/hook") ?? "", /形式/);
  assert.match(webhookUrlProblem("https://a:b@example.com/") ?? "", /パスワード/);
  assert.match(webhookUrlProblem("https://example.com/#x") ?? "", /#/);
});
