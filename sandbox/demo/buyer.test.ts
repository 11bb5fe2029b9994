import assert from "node:assert/strict";
import { test } from "node:test";
import { startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { shippingTermSlot } from "#server/adapters/malls/rakuten/delivery-wish.ts";
import { slotKey } from "#server/carriers/fields.ts";
import { YUPRI_TIME_SLOTS } from "#server/carriers/japanpost/yupri-layout.ts";
import { EHIDEN_TIME_SLOTS } from "#server/carriers/sagawa/ehiden-layout.ts";
import { B2_TIME_SLOTS } from "#server/carriers/yamato/b2-layout.ts";
import { sandboxControl } from "#test/rakuten.ts";
import { DELIVERY_TERMS, startBuyer } from "./buyer.ts";

test("the demo's buyers pick only お届け時間帯 that ヤマト, 佐川 and 日本郵便 all accept", () => {
  for (const term of DELIVERY_TERMS) {
    const key = slotKey(shippingTermSlot(term) ?? "");
    assert.ok(key, `shippingTerm ${term} reads as a slot`);
    for (const [carrier, slots] of Object.entries({ B2_TIME_SLOTS, EHIDEN_TIME_SLOTS, YUPRI_TIME_SLOTS }))
      assert.ok(slots[key], `shippingTerm ${term} (${key}) is not offered by ${carrier}`);
  }
});

test("the demo mall fixes a 送料未確定 order's postage after a while, as the shop does in RMS", async () => {
  const sandbox = await startRakutenSandbox();
  const mall = sandboxControl(sandbox);
  const { shopId } = await mall.createShop();
  const lines: string[] = [];
  let fixed: (line: string) => void = () => {};
  const firstFix = new Promise<string>((resolve) => {
    fixed = resolve;
  });
  const buyer = startBuyer({
    sandboxUrl: sandbox.url,
    mallShopId: shopId,
    catalogue: [{ manageNumber: "tea", name: "煎茶", price: 1000 }],
    intervalMs: 1,
    undeterminedShare: 1,
    postageFixedAfterMs: 0,
    log: (line) => {
      lines.push(line);
      if (line.startsWith("[モール] 送料確定")) fixed(line);
    },
  });
  try {
    const line = await firstFix;
    const orderNumber = /送料確定 (\S+):/.exec(line)?.[1] ?? "";
    const view = await mall.view(orderNumber);
    const postages = view.order.PackageModelList.map((p: { postagePrice: number }) => p.postagePrice);
    assert.ok(
      postages.every((p: number) => p >= 0),
      `postage fixed: ${postages} after ${lines.join("\n")}`,
    );
    assert.ok(view.history.some((h: { event: string }) => h.event === "changed"));
  } finally {
    buyer.stop();
    await sandbox.close();
  }
});
