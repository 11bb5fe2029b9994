import assert from "node:assert/strict";
import { test } from "node:test";
import { TIME_SLOTS } from "#server/domain/delivery-conditions.ts";
import { CARRIER_DEFINITIONS, carrierSlots } from "./registry.ts";

test("each carrier's お届け時間帯 are Juchu's slot keys, and only those its slip layout can code", () => {
  for (const c of CARRIER_DEFINITIONS)
    for (const slot of c.timeSlots) assert.ok(TIME_SLOTS.includes(slot), `${c.code} ${slot}`);
  assert.deepEqual(carrierSlots("yamato"), {
    label: "ヤマト運輸",
    slots: ["am", "14-16", "16-18", "18-20", "19-21"],
  });
  assert.deepEqual(carrierSlots("sagawa")?.slots, [
    "am",
    "12-14",
    "14-16",
    "16-18",
    "18-21",
    "18-20",
    "19-21",
  ]);
  assert.deepEqual(carrierSlots("japanpost")?.slots, ["am", "12-14", "14-16", "16-18", "18-20", "19-21"]);
  assert.equal(carrierSlots("other"), null);
});
