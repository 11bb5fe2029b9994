import assert from "node:assert/strict";
import { test } from "node:test";
import { type Feature, featureRefusal, type PlanCode, shopLimitRefusal } from "./plans.ts";

test("which plan has which feature; a refusal names the smallest plan that has it", () => {
  const cases: [PlanCode, Feature, string | null][] = [
    ["light", "mail_automation", "スタンダード"],
    ["standard", "mail_automation", null],
    ["standard", "inquiry_linkage", "自動化プラン"],
    ["standard", "warehouse_linkage", "自動化プラン"],
    ["automation", "b2b_desk", "ビジネス"],
    ["business", "b2b_desk", null],
    ["self_hosted", "mail_automation", null],
    ["self_hosted", "inquiry_linkage", null],
    ["self_hosted", "warehouse_linkage", null],
    ["self_hosted", "b2b_desk", null],
  ];
  for (const [plan, feature, needed] of cases) {
    const refusal = featureRefusal(plan, feature);
    if (needed === null) assert.equal(refusal, null, `${plan} ${feature}`);
    else {
      assert.equal(refusal?.code, "plan.feature_not_included", `${plan} ${feature}`);
      assert.equal(refusal?.rule, `plan.${feature}`);
      assert.match(refusal?.detail ?? "", new RegExp(`${needed}以上のプランで使えます`));
    }
  }
});

test("shops up to the plan's limit; the next one is refused naming a plan with room", () => {
  assert.equal(shopLimitRefusal("light", 0), null);
  const refusal = shopLimitRefusal("light", 1);
  assert.equal(refusal?.code, "plan.limit_reached");
  assert.match(refusal?.detail ?? "", /1件まで.*スタンダード以上/);
  assert.equal(shopLimitRefusal("standard", 2), null);
  assert.match(shopLimitRefusal("standard", 3)?.detail ?? "", /自動化プラン以上/);
  assert.equal(shopLimitRefusal("self_hosted", 10_000), null);
});
