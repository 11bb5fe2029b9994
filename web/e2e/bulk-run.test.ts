import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSuite, logInAsOwner, setUpOwner } from "./harness.ts";
import { order, SENCHA, seedBasics } from "./seed.ts";

const e2e = browserSuite();

test("select the whole filter across pages, confirm its count, cancel: done and refused per rule", async () => {
  const api = await setUpOwner(e2e.url);
  const s = await seedBasics(api);
  for (let i = 0; i < 62; i++)
    await api.call("POST", "/api/orders", order(s.manualShop, `ALL-${String(i).padStart(3, "0")}`, [SENCHA]));
  // Two of the mall's orders are still in its grace period: a cancel is refused by that rule.
  await api.call("POST", "/api/orders", order(s.rakutenShop, "ALL-R1", [SENCHA]));
  await api.call("POST", "/api/orders", order(s.rakutenShop, "ALL-R2", [SENCHA]));

  await e2e.page.goto(`${e2e.url}/orders?q=ALL-`);
  await logInAsOwner(e2e.page);
  await e2e.page.getByText("64件中 1〜50件").waitFor();
  await e2e.page.getByRole("checkbox", { name: "このページの注文をすべて選択" }).check();
  await e2e.page.getByRole("button", { name: /この条件のすべて\(64件\)を選択/ }).click();
  const bar = e2e.page.getByRole("region", { name: "一括操作" });
  await bar.getByRole("button", { name: "キャンセル" }).click();
  const confirm = e2e.page.getByRole("dialog", { name: "一括操作: キャンセル" });
  await confirm.getByText("この条件に合う(いま) 64件").waitFor();
  await confirm.getByLabel("キャンセル理由(任意)").fill("在庫切れ");
  await confirm.getByRole("button", { name: "64件に実行" }).click();

  const result = e2e.page.getByRole("dialog", { name: "一括操作の結果: キャンセル" });
  await result.getByText("62件 完了").waitFor({ timeout: 60_000 });
  await result.getByText("2件 できませんでした").waitFor();
  const refusal = result.locator("table.bulk-refusals tbody tr");
  assert.equal(await refusal.count(), 1);
  assert.match(
    (await refusal.textContent()) ?? "",
    /新規受付の注文はキャンセルできません.*in_grace_period.*2件.*ALL-R1.*ALL-R2/,
  );
  await result.getByRole("button", { name: "閉じる" }).last().click();
  await e2e.page.locator(".status-tab-cancelled .status-tab-count").getByText("62").waitFor();
});
