import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { browserSuite, logInAsOwner, OWNER, SessionClient, setUpOwner } from "./harness.ts";
import { order, SENCHA, seedBasics } from "./seed.ts";

const e2e = browserSuite();

const listLoaded = () => e2e.page.locator('section.screen[aria-busy="false"]').waitFor();

test("a 注文日 range is saved as a quick tab, and its CSV export holds exactly the filter's orders", async () => {
  const api = await setUpOwner(e2e.url);
  const { manualShop } = await seedBasics(api);
  const line = { ...SENCHA, quantity: 1 };
  for (const [number, at] of [
    ["EXP-1", "2026-11-01T00:10:00+09:00"],
    ["EXP-2", "2026-11-02T23:50:00+09:00"],
    ["EXP-3", "2026-11-03T00:10:00+09:00"],
  ] as const)
    await api.call("POST", "/api/orders", order(manualShop, number, [line], { orderedAt: at }));

  const page = e2e.page;
  await page.goto(`${e2e.url}/orders`);
  await logInAsOwner(page);
  await page.getByRole("heading", { name: "受注一覧" }).waitFor();
  await page.locator("summary", { hasText: "詳細検索" }).click();
  await page.getByLabel("注文日(から)").fill("2026-11-01");
  await page.getByLabel("注文日(まで)").fill("2026-11-02");
  await page.getByRole("button", { name: "検索", exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get("to") === "2026-11-02");
  await listLoaded();
  const shown = await page.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.orderNumber));
  assert.deepEqual(shown, ["EXP-2", "EXP-1"], "Tokyo days: 00:10 on the 3rd is outside");

  await page.getByRole("button", { name: "この条件を保存" }).click();
  await page.getByRole("dialog").getByLabel("名前").fill("11月初め");
  await page.getByRole("button", { name: "保存する" }).click();
  const tab = page.getByRole("navigation", { name: "保存した検索" }).getByRole("link", { name: "11月初め" });
  await tab.waitFor();
  assert.equal(await tab.getAttribute("aria-current"), "page");
  await page.getByRole("button", { name: "条件をクリア" }).click();
  await page.waitForURL((url) => !url.searchParams.get("from"));
  await tab.click();
  await page.waitForURL((url) => url.searchParams.get("from") === "2026-11-01");
  await listLoaded();

  await page.getByRole("button", { name: "CSV出力" }).click();
  const dialog = page.getByRole("dialog", { name: "受注CSV出力" });
  await dialog.getByLabel("文字コード").selectOption("utf8");
  await dialog.getByLabel("備考").check();
  const downloaded = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "出力する" }).click();
  const file = await (await downloaded).path();
  await dialog.getByText("2件を出力しました").waitFor();
  const bytes = await readFile(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "BOM for Excel by default");
  const lines = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
  assert.match(lines[0] ?? "", /^注文番号,注文日時,.*,備考$/);
  assert.deepEqual(
    lines.slice(1).map((l) => l.split(",").slice(0, 2)),
    [
      ["EXP-2", "2026/11/02 23:50:00"],
      ["EXP-1", "2026/11/01 00:10:00"],
    ],
  );
  await dialog.getByRole("button", { name: "閉じる" }).click();

  // 印刷: the menu, filters and buttons leave the page; the list stays, every column with it.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".topbar").isVisible(), false);
  assert.equal(await page.getByRole("button", { name: "CSV出力" }).isVisible(), false);
  assert.equal(await page.locator("tbody tr").count(), 2);
  await page.emulateMedia({ media: "screen" });
});

test("a Shift_JIS export says how many characters it had to replace, and in which columns", async () => {
  const api = await SessionClient.logIn(e2e.url, OWNER.email, OWNER.password);
  const shops = await api.call("GET", "/api/shops");
  const manual = shops.items.find((s: { name: string }) => s.name === "電話注文").id;
  await api.call("POST", "/api/orders", order(manual, "SJIS-1", [SENCHA], { remarks: "プレゼント用🎁🎀" }));
  const page = e2e.page;
  await page.goto(`${e2e.url}/orders?q=SJIS-1`);
  await listLoaded();
  await page.getByRole("button", { name: "CSV出力" }).click();
  const dialog = page.getByRole("dialog", { name: "受注CSV出力" });
  await dialog.getByLabel("文字コード").selectOption("shift_jis");
  const downloaded = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "出力する" }).click();
  await downloaded;
  await dialog.getByText("1件を出力しました").waitFor();
  await dialog.getByText("Shift_JISで表せない文字 2文字を「?」に置き換えました(備考)").waitFor();
  await dialog.getByRole("button", { name: "閉じる" }).click();
});
