import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSuite, logInAsOwner, type SessionClient, setUpOwner } from "./harness.ts";
import { HOJICHA, order, SENCHA, type Seeded, seedBasics } from "./seed.ts";

const e2e = browserSuite();
let api: SessionClient;
let s: Seeded;

const row = (number: string) => e2e.page.locator(`tr[data-order-number="${number}"]`);
const listLoaded = () => e2e.page.locator('section.screen[aria-busy="false"]').waitFor();
/** 在庫 / 引当 / 有効 of TEA-100 (SENCHA's product) as 商品・在庫 shows it. */
async function senchaStock(): Promise<string> {
  await e2e.page.getByRole("link", { name: "商品・在庫" }).click();
  const cell = e2e.page.locator('tr[data-sku="TEA-100"] td.num').first();
  await cell.waitFor();
  return ((await cell.textContent()) ?? "").replace(/\s+/g, " ").trim();
}

test("受注を修正: raising a quantity re-allocates stock, and the timeline says before → after", async () => {
  api = await setUpOwner(e2e.url);
  s = await seedBasics(api);
  const placed = await api.call(
    "POST",
    "/api/orders",
    order(s.manualShop, "E2E-EDIT-1", [{ ...SENCHA, quantity: 2 }], { buyer: 1 }),
  );
  await e2e.page.goto(`${e2e.url}/products`);
  await logInAsOwner(e2e.page);
  assert.match(await senchaStock(), /^120 \/ 2 \/ 118/);

  await e2e.page.goto(`${e2e.url}/orders/${placed.id}`);
  await e2e.page.getByRole("heading", { name: /注文 E2E-EDIT-1/ }).waitFor();
  await e2e.page.getByRole("button", { name: "受注を修正" }).first().click();
  const dialog = e2e.page.getByRole("dialog", { name: "受注を修正" });
  await dialog.getByLabel(`${SENCHA.name}の数量`).fill("5");
  await dialog.getByLabel("送料").fill("800");
  await dialog.getByRole("button", { name: "変更を保存" }).click();
  await dialog.waitFor({ state: "detached" });
  await e2e.page.getByText(`数量(${SENCHA.name}): 2 → 5`, { exact: false }).waitFor();
  await e2e.page.getByText("送料: 600円 → 800円", { exact: false }).waitFor();

  assert.match(await senchaStock(), /^120 \/ 5 \/ 115/);
});

test("受注を修正: a line added from the product search gets the shop's item code, name and last price", async () => {
  await api.call("POST", "/api/orders", order(s.manualShop, "E2E-EDIT-2", [HOJICHA], { buyer: 2 }));
  const placed = await api.call(
    "POST",
    "/api/orders",
    order(s.manualShop, "E2E-EDIT-3", [SENCHA], { buyer: 3 }),
  );
  await e2e.page.goto(`${e2e.url}/orders/${placed.id}`);
  await e2e.page.getByRole("heading", { name: /注文 E2E-EDIT-3/ }).waitFor();
  await e2e.page.getByRole("button", { name: "受注を修正" }).first().click();
  const dialog = e2e.page.getByRole("dialog", { name: "受注を修正" });
  await dialog.getByRole("button", { name: "商品を追加" }).click();
  await dialog.getByRole("button", { name: "商品から選ぶ" }).click();
  await dialog.getByLabel("商品を検索(SKU・商品名)").fill("ほうじ");
  await dialog
    .getByRole("list", { name: "見つかった商品" })
    .getByRole("button", { name: /京ほうじ茶 200g/ })
    .click();
  await dialog
    .getByLabel("商品管理番号")
    .and(e2e.page.locator(`[value="${HOJICHA.mallItemCode}"]`))
    .waitFor();
  assert.equal(await dialog.getByLabel("商品名").inputValue(), "京ほうじ茶 200g");
  assert.equal(
    await dialog.getByLabel("単価").inputValue(),
    String(HOJICHA.unitPrice),
    "its last price here",
  );
  // Still typed by hand where the merchant wants: a phone-order discount on this line.
  await dialog.getByLabel("単価").fill("1100");
  await dialog.getByRole("button", { name: "変更を保存" }).click();
  await dialog.waitFor({ state: "detached" });
  await e2e.page.getByText("京ほうじ茶 200g", { exact: false }).first().waitFor();
  const saved = await api.call("GET", `/api/orders/${placed.id}`);
  const added = saved.items.find((i: { mallItemCode: string }) => i.mallItemCode === HOJICHA.mallItemCode);
  assert.deepEqual([added?.name, added?.unitPrice], ["京ほうじ茶 200g", 1100]);
});

test("shift-click selects a range; a bulk cancel asks for confirmation and the mall's cancel reason", async () => {
  for (let n = 1; n <= 6; n++) {
    await api.call(
      "POST",
      "/api/orders",
      order(s.manualShop, `E2E-RANGE-${n}`, [SENCHA], {
        buyer: n,
        orderedAt: `2026-12-0${n}T10:00:00+09:00`,
      }),
    );
  }
  await e2e.page.goto(`${e2e.url}/orders?q=E2E-RANGE-`);
  await listLoaded();
  // Newest first: 6, 5, 4, 3, 2, 1.
  await row("E2E-RANGE-5").getByRole("checkbox").click();
  await row("E2E-RANGE-2")
    .getByRole("checkbox")
    .click({ modifiers: ["Shift"] });
  const bar = e2e.page.getByRole("region", { name: "一括操作" });
  await bar.getByText("4件").waitFor();
  for (const n of [5, 4, 3, 2])
    assert.ok(await row(`E2E-RANGE-${n}`).getByRole("checkbox").isChecked(), `${n}`);
  for (const n of [6, 1]) assert.ok(!(await row(`E2E-RANGE-${n}`).getByRole("checkbox").isChecked()), `${n}`);

  await bar.getByRole("button", { name: "キャンセル" }).click();
  const confirm = e2e.page.getByRole("dialog", { name: "一括操作: キャンセル" });
  const reason = confirm.getByLabel(/モールへのキャンセル理由/);
  await reason.selectOption({ index: 1 });
  assert.notEqual(await reason.inputValue(), "");
  await confirm.getByRole("button", { name: "4件に実行" }).click();
  const result = e2e.page.getByRole("dialog", { name: "一括操作の結果: キャンセル" });
  await result.getByText("4件 完了").waitFor();
  await result.getByRole("button", { name: "閉じる" }).last().click();
  await listLoaded();
  await row("E2E-RANGE-3").locator(".col-status").getByText("キャンセル").waitFor();
  assert.equal(await row("E2E-RANGE-6").locator(".col-status").getByText("キャンセル").count(), 0);
});

test("keys: / searches, j/k move, x selects, Enter opens, ? shows the help; at 1024 px the menu keeps one line", async () => {
  await e2e.page.goto(`${e2e.url}/orders?q=E2E-RANGE-`);
  await listLoaded();
  await e2e.page.keyboard.press("j");
  await e2e.page.keyboard.press("j");
  await e2e.page.locator('tr.row-active[data-order-number="E2E-RANGE-5"]').waitFor();
  await e2e.page.keyboard.press("k");
  await e2e.page.locator('tr.row-active[data-order-number="E2E-RANGE-6"]').waitFor();
  await e2e.page.keyboard.press("x");
  assert.ok(await row("E2E-RANGE-6").getByRole("checkbox").isChecked());
  await e2e.page.keyboard.press("?");
  const help = e2e.page.getByRole("dialog", { name: "キーボードショートカット" });
  await help.getByText("注文を開く").waitFor();
  await e2e.page.keyboard.press("Escape");
  await help.waitFor({ state: "detached" });
  await e2e.page.keyboard.press("/");
  const searchBox = e2e.page.locator('form.filters input[type="search"]');
  assert.ok(await searchBox.evaluate((el) => el === document.activeElement));
  await e2e.page.keyboard.press("j"); // typing: not a shortcut
  assert.equal(await searchBox.inputValue(), "E2E-RANGE-j");
  await searchBox.blur();
  await e2e.page.keyboard.press("Enter");
  await e2e.page.getByRole("heading", { name: /注文 E2E-RANGE-6/ }).waitFor();

  await e2e.page.setViewportSize({ width: 1024, height: 768 });
  await e2e.page.goto(`${e2e.url}/orders?q=E2E-RANGE-`);
  await listLoaded();
  const topbar = await e2e.page.locator("header.topbar").boundingBox();
  assert.ok(topbar && topbar.height < 60, `the menu stays on one line (${topbar?.height}px)`);
  assert.ok(await e2e.page.locator("th.col-tags").isVisible(), "the tags column stays at 1024 px");
  await e2e.page.setViewportSize({ width: 1280, height: 900 });
});
