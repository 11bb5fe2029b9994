import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSuite, logInAsOwner, setUpOwner } from "./harness.ts";
import { order } from "./seed.ts";

const e2e = browserSuite();

const KABUSE = {
  mallItemCode: "kabuse-50",
  mallSkuCode: "kb-50-a",
  name: "かぶせ茶 50g",
  unitPrice: 1800,
  quantity: 2,
};

test("要対応 → 紐付ける: the unmapped item is mapped for the order's own shop with a product made on the spot, and the order moves on", async () => {
  const api = await setUpOwner(e2e.url);
  const phone = await api.call("POST", "/api/shops", { channel: "manual", name: "電話注文" });
  const fax = await api.call("POST", "/api/shops", { channel: "manual", name: "FAX注文" });
  const mine = await api.call("POST", "/api/orders", {
    ...order(phone.id, "E2E-MAP-1", [KABUSE]),
    paid: true,
  });
  // The same mall item in another shop: a different mapping, so that order stays where it is.
  const other = await api.call("POST", "/api/orders", order(fax.id, "E2E-MAP-2", [KABUSE], { buyer: 1 }));

  // Log-in lands on 要対応.
  await e2e.page.goto(e2e.url);
  await logInAsOwner(e2e.page);
  await e2e.page.getByRole("heading", { name: "要対応" }).waitFor();
  assert.equal(new URL(e2e.page.url()).pathname, "/attention");
  const unmapped = e2e.page.locator('li[data-tag="未マッピング商品"]');
  await unmapped.getByRole("link", { name: "2件" }).waitFor();
  await unmapped.getByText("注文の商品を商品マスタに紐付けてください").waitFor();
  const tagHref = await unmapped.getByRole("link", { name: "2件" }).getAttribute("href");
  assert.match(tagHref ?? "", /^\/orders\?tag=[0-9a-f-]{36}$/);

  await unmapped.locator("li", { hasText: "E2E-MAP-1" }).getByRole("link", { name: "紐付ける" }).click();
  await e2e.page.getByRole("heading", { name: "商品を紐付ける" }).waitFor();
  const card = e2e.page.getByRole("region", { name: "かぶせ茶 50g の紐付け" });
  await card.getByText("kb-50-a").first().waitFor();
  await e2e.page.getByText("電話注文 ・ 注文 E2E-MAP-1").waitFor();
  await card.getByText("該当する商品がありません。下で登録できます。").waitFor();

  await card.getByRole("button", { name: "商品を新しく登録して紐付ける" }).click();
  await card.getByLabel("SKU(商品コード)").fill("TEA-KB50");
  await card.getByRole("textbox", { name: "商品名", exact: true }).fill("かぶせ茶 50g");
  await card.getByRole("button", { name: "登録して加える" }).click();
  await card.locator(".components").getByText("TEA-KB50").waitFor();
  await card.getByRole("button", { name: "マッピングを登録" }).click();

  // Mapped in the order's own shop: the order has left 確認待 (no stock yet, so it waits at 確認済).
  await e2e.page.getByText("この注文の商品はすべて紐付いています。注文は「確認済」に進みました").waitFor();
  const mapped = await api.call("GET", `/api/orders/${mine.id}`);
  assert.equal(mapped.status, "confirmed");
  assert.ok(!mapped.tags.some((t: { name: string }) => t.name === "未マッピング商品"));
  const stayed = await api.call("GET", `/api/orders/${other.id}`);
  assert.equal(stayed.status, "awaiting_confirmation", "the other shop's item has no mapping yet");

  // Back on the board: one unmapped order left (the other shop's), and the new product is short of 2.
  await e2e.page.getByRole("link", { name: "要対応へ戻る" }).click();
  await unmapped.getByRole("link", { name: "1件" }).waitFor();
  assert.equal(await unmapped.getByText("E2E-MAP-1").count(), 0);
  await unmapped.getByText("E2E-MAP-2").waitFor();
  const short = e2e.page.getByRole("region", { name: "在庫が足りない商品" });
  const row = short.locator("tr", { hasText: "TEA-KB50" });
  await row.locator("td.num").first().getByText("2").waitFor();
  await e2e.page.locator('li[data-tag="在庫不足"]').getByText("E2E-MAP-1").waitFor();
});
