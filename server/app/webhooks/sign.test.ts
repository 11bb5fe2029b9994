import assert from "node:assert/strict";
import { test } from "node:test";
import { newWebhookSecret, signatureHeaders } from "./sign.ts";

test("signs as the Standard Webhooks spec's own example: id.timestamp.body, HMAC-SHA256, v1,<base64>", () => {
  const headers = signatureHeaders({
    id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
    at: new Date(1614265330 * 1000),
    body: '{"test": 2432232314}',
    secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
  });
  assert.deepEqual(headers, {
    "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
    "webhook-timestamp": "1614265330",
    "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
  });
});

test("during a rotation both secrets sign, space-separated, the new one first", () => {
  const [fresh, old] = [newWebhookSecret(), newWebhookSecret()];
  const sign = (secrets: string[]) =>
    signatureHeaders({ id: "evt", at: new Date(0), body: "{}", secrets })["webhook-signature"];
  assert.equal(sign([fresh, old]), `${sign([fresh])} ${sign([old])}`);
  assert.match(fresh, /^whsec_[A-Za-z0-9+/]{32}$/);
  assert.notEqual(fresh, old);
});
