import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSuite, logInAsOwner, setUpOwner } from "./harness.ts";
import { order } from "./seed.ts";

const e2e = browserSuite();
const TEA = { mallItemCode: "sencha-100", name: "煎茶 100g", unitPrice: 1200, quantity: 1 };
// Friday before 海の日 (Monday 2026-07-20), well before the cut-off.
const FRIDAY_MORNING = "2026-07-17T10:00:00+09:00";

test("倉庫設定 → カレンダー: a 臨時休業日 on Friday moves a new order's 出荷予定日 past the holiday to Tuesday", async () => {
  const api = await setUpOwner(e2e.url);
  const shop = await api.call("POST", "/api/shops", { channel: "manual", name: "電話注文" });
  const before = await api.call(
    "POST",
    "/api/orders",
    order(shop.id, "E2E-CAL-1", [TEA], { orderedAt: FRIDAY_MORNING }),
  );

  const page = e2e.page;
  await page.goto(`${e2e.url}/orders/${before.id}`);
  await logInAsOwner(page);
  await page.getByTestId("planned-ship-date").getByText("2026/07/17").waitFor();

  await page.goto(`${e2e.url}/warehouses`);
  const calendar = page.getByRole("form", { name: /のカレンダー設定$/ }).first();
  await calendar.getByLabel("出荷締め時刻").fill("15:00");
  await calendar.getByRole("group", { name: "臨時休業日" }).getByLabel("日付").fill("2026-07-17");
  await calendar.getByLabel("理由(任意)").fill("棚卸");
  await calendar.getByRole("button", { name: "臨時休業日を追加" }).click();
  await calendar.getByText("棚卸").waitFor();
  await calendar.getByRole("button", { name: "カレンダーを保存" }).click();
  await calendar.getByText("保存しました。").waitFor();

  // The month view says why each closed day is closed.
  const month = page.locator(".calendar-month").first();
  for (let i = 0; i < 36 && !(await month.getByText("2026年7月").isVisible()); i++) {
    const [, y, m] = /(\d+)年(\d+)月/.exec((await month.locator("strong").textContent()) ?? "") ?? [];
    const later = Number(y) * 12 + Number(m) > 2026 * 12 + 7;
    await month.getByRole("button", { name: later ? "前の月" : "次の月" }).click();
  }
  await month.getByText("2026年7月").waitFor();
  await month.locator('td[data-date="2026-07-17"]').getByText("臨時休業(棚卸)").waitFor();
  await month.locator('td[data-date="2026-07-20"]').getByText("海の日").waitFor();
  await month.locator('td[data-date="2026-07-18"]').getByText("定休日").waitFor();
  assert.equal(await month.locator('td[data-date="2026-07-16"]').getAttribute("class"), "calendar-open");

  const after = await api.call(
    "POST",
    "/api/orders",
    order(shop.id, "E2E-CAL-2", [TEA], { orderedAt: FRIDAY_MORNING }),
  );
  await page.goto(`${e2e.url}/orders/${after.id}`);
  await page.getByTestId("planned-ship-date").getByText("2026/07/21").waitFor();
  const shown = await api.call("GET", `/api/orders/${after.id}`);
  assert.equal(shown.plannedShipDate, "2026-07-21");
  assert.equal(shown.plannedShipDateBy, "calendar");

  // The order taken before the change follows it once the recompute job has run.
  await page.goto(`${e2e.url}/orders/${before.id}`);
  for (
    let i = 0;
    i < 30 && (await api.call("GET", `/api/orders/${before.id}`)).plannedShipDate !== "2026-07-21";
    i++
  )
    await new Promise((r) => setTimeout(r, 200));
  await page.reload();
  await page.getByTestId("planned-ship-date").getByText("2026/07/21").waitFor();
});
