import assert from "node:assert/strict";
import { test } from "node:test";
import { ORDER_STATUSES, SHIPPING_STATUSES } from "#server/domain/order-status.ts";
import { sampleFacts } from "./fixtures.ts";
import { STANDARD_MAIL_TEMPLATES } from "./standard-templates.ts";
import { checkTemplate, renderMail } from "./template.ts";

test("every standard template passes the check merchants' own templates get", () => {
  for (const t of STANDARD_MAIL_TEMPLATES) assert.equal(checkTemplate(t), null, t.name);
  assert.deepEqual(
    STANDARD_MAIL_TEMPLATES.map((t) => t.key),
    ["thanks", "shipping", "cancelled", "follow_up", "product_thanks"],
  );
});

test("each trigger names a real status; the follow-up waits 5 days after 完了", () => {
  for (const { trigger, name } of STANDARD_MAIL_TEMPLATES) {
    const statuses: readonly string[] = trigger.kind === "order_status" ? ORDER_STATUSES : SHIPPING_STATUSES;
    assert.ok(statuses.includes(trigger.status), name);
  }
  const followUp = STANDARD_MAIL_TEMPLATES.find((t) => t.key === "follow_up");
  assert.deepEqual(followUp?.trigger, { kind: "order_status", status: "completed", delayMinutes: 7200 });
});

test("standard templates render with the shop in the subject and no placeholder left", () => {
  const shipment = {
    slipNumber: "S-1",
    shippedOn: "2026-12-02",
    parcels: [
      { carrierLabel: "ヤマト運輸", trackingNumber: "111122223333", trackingUrl: "https://example.jp/t" },
    ],
  };
  for (const t of STANDARD_MAIL_TEMPLATES) {
    const mail = renderMail(t, sampleFacts({ shipment }));
    assert.match(mail.subject, /^【お茶の山田園】/, t.name);
    assert.ok(!mail.body.includes("{{"), t.name);
    assert.match(mail.body, /^山田 太郎 様\n/, t.name);
    assert.ok(mail.body.includes("お茶の山田園\n"), t.name);
  }
  const shipping = renderMail(
    STANDARD_MAIL_TEMPLATES[1] as (typeof STANDARD_MAIL_TEMPLATES)[number],
    sampleFacts({ shipment }),
  );
  assert.match(shipping.body, /配送会社: ヤマト運輸\n伝票番号: 111122223333\n/);
  assert.ok(shipping.body.includes("https://example.jp/t"));
});

test("the cancel mail says only that the cancel is complete: no reason, since not every cancel was asked for", () => {
  const cancelled = STANDARD_MAIL_TEMPLATES.find((t) => t.key === "cancelled");
  assert.ok(cancelled && !cancelled.body.includes("{{キャンセル理由}}"));
  assert.match(cancelled.body, /キャンセルの手続きが完了いたしました/);
});
