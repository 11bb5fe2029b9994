import { test } from "node:test";
import { browserSuite, logInAsOwner, setUpOwner } from "./harness.ts";
import { order, seedBasics } from "./seed.ts";

const e2e = browserSuite();

test("商品・在庫: a product at 有効 0 stands out with what waiting orders need; its 在庫履歴 names the order", async () => {
  const api = await setUpOwner(e2e.url);
  const s = await seedBasics(api);
  await api.call("PATCH", `/api/shops/${s.manualShop}`, { settings: { gracePeriodMinutes: 0 } });
  const product = await api.call("POST", "/api/products", { sku: "TEA-900", name: "幻の玉露 20g" });
  await api.call("POST", `/api/products/${product.id}/stock`, { onHand: 1 });
  await api.call("POST", "/api/product-mappings", {
    shopId: s.manualShop,
    mallItemCode: "gyokuro-20",
    components: [{ productId: product.id, quantity: 1 }],
  });
  const line = { mallItemCode: "gyokuro-20", name: "幻の玉露 20g", unitPrice: 5400, quantity: 3 };
  await api.call("POST", "/api/orders", order(s.manualShop, "E2E-STOCK-1", [line], { buyer: 6 }));

  await e2e.page.goto(`${e2e.url}/products`);
  await logInAsOwner(e2e.page);
  const row = e2e.page.locator('tr[data-sku="TEA-900"]');
  const cell = row.locator("td.stock-out");
  await cell.getByText("在庫切れ").waitFor();
  await cell.getByText("引当待ちの注文にあと2個").waitFor();
  await e2e.page.locator('tr[data-sku="TEA-100"] td.stock-out').waitFor({ state: "detached" });

  await row.getByRole("button", { name: "在庫履歴" }).click();
  const history = e2e.page.getByRole("region", { name: "TEA-900 の在庫履歴" });
  const allocated = history.locator('tr[data-kind="allocate"]');
  await allocated.getByRole("link", { name: "E2E-STOCK-1" }).waitFor();
  await allocated.getByText("+1").waitFor();
  await history.locator('tr[data-kind="count"]').getByText("あなた").waitFor();
});
