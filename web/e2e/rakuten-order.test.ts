import { after, test } from "node:test";
import { type RakutenSandbox, startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { sandboxControl } from "#test/rakuten.ts";
import { browserSuite, logInAsOwner, setUpOwner } from "./harness.ts";

/** An order imported from the RMS sandbox shows on the order screen what the merchant sees in RMS. */

let sandbox: RakutenSandbox | undefined;
const e2e = browserSuite({
  env: async () => {
    sandbox = await startRakutenSandbox();
    return { JUCHU_RAKUTEN_API_URL: sandbox.url };
  },
});
after(() => sandbox?.close());

test("the order screen shows 商品番号, ギフト・ラッピング, fees and coupons by part, tax per rate and each parcel's wishes", async () => {
  const api = await setUpOwner(e2e.url);
  if (!sandbox) throw new Error("the sandbox did not start");
  const mall = sandboxControl(sandbox);
  const mallShop = await mall.createShop();
  const shop = await api.call("POST", "/api/shops", {
    channel: "rakuten",
    name: "楽天E2E店",
    settings: { importEnabled: false },
    credentials: { serviceSecret: mallShop.serviceSecret, licenseKey: mallShop.licenseKey },
  });
  const placed = await mall.placeOrder(mallShop.shopId, {
    giftCheck: true,
    deliveryName: "クール便",
    deliveryClass: 2,
    wrappings: [{ title: 1, name: "和紙", price: 220 }],
    coupons: [
      { couponName: "ショップ100円", couponPrice: 100, couponCapitalCode: 1 },
      { couponName: "楽天200円", couponPrice: 200, couponCapitalCode: 3 },
    ],
    packages: [
      {
        noshi: "御祝",
        dropOffLocation: "宅配ボックス",
        defaultDeliveryCompanyCode: "1002",
        items: [
          {
            manageNumber: "tea",
            itemNumber: "tea-100g",
            itemName: "深蒸し煎茶",
            price: 1080,
            units: 1,
            taxRate: 0.08,
          },
          { manageNumber: "cup", itemNumber: "cup-01", itemName: "湯呑み", price: 2200, units: 1 },
        ],
      },
    ],
  });
  // 今すぐ取込: one import now, answered when done.
  await api.call("POST", `/api/shops/${shop.id}/import`);
  const list = await api.call("GET", `/api/orders?shopId=${shop.id}`);
  const orderId = list.items.find(
    (o: { mallOrderNumber: string }) => o.mallOrderNumber === placed.orderNumber,
  )?.id;
  if (!orderId) throw new Error(`${placed.orderNumber} was not imported`);

  await e2e.page.goto(`${e2e.url}/orders/${orderId}`);
  await logInAsOwner(e2e.page);
  const page = e2e.page;
  await page.getByRole("heading", { name: "商品" }).waitFor();
  await page.getByRole("columnheader", { name: "商品番号" }).waitFor();
  for (const text of [
    "tea-100g",
    "cup-01",
    "ラッピング料",
    "ショップクーポン",
    "モールクーポン",
    "8%対象(軽減税率)",
    "ギフト指定あり",
    "ラッピング: 和紙(220円)",
    "中継アドレス",
    "クール便(冷蔵)",
    "御祝",
    "宅配ボックス",
    "佐川急便",
  ]) {
    await page.getByText(text, { exact: false }).first().waitFor();
  }
});
