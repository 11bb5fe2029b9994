import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type ColdTemperature,
  type ShippingService,
  shipmentService,
  shipmentTemperature,
  type Temperature,
} from "./shipping-service.ts";

test("a parcel's temperature is the strictest of its products' and the mall's", () => {
  const cases: [Temperature[], (ColdTemperature | null)[], Temperature][] = [
    [[], [null], "ambient"],
    [["ambient", "ambient"], [null], "ambient"],
    [["ambient", "chilled"], [null], "chilled"],
    [["chilled", "frozen", "ambient"], [null], "frozen"],
    [["ambient"], ["chilled"], "chilled"],
    [["frozen"], ["chilled"], "frozen"],
    [[], ["frozen"], "frozen"],
    [["ambient"], [null, "frozen"], "frozen"],
  ];
  for (const [products, mall, expected] of cases)
    assert.equal(shipmentTemperature(products, mall), expected, `${products} + ${mall}`);
});

test("a shipment's service: its own setting, else what its products need most", () => {
  const cases: [ShippingService[], ShippingService | null, ShippingService][] = [
    [[], null, "standard"],
    [["mailbox"], null, "mailbox"],
    [["mailbox", "compact"], null, "compact"],
    [["compact", "standard", "mailbox"], null, "standard"],
    [["standard", "recipient_pays"], null, "recipient_pays"],
    [["time_17", "time_10", "standard"], null, "time_10"],
    [["standard"], "mailbox", "mailbox"],
    [[], "compact", "compact"],
  ];
  for (const [products, override, expected] of cases)
    assert.equal(shipmentService(products, override), expected, `${products} / ${override}`);
});
