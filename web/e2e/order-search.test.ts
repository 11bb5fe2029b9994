import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSuite, logInAsOwner, setUpOwner } from "./harness.ts";
import { order, SENCHA, seedBasics } from "./seed.ts";

const e2e = browserSuite();

const rows = () => e2e.page.locator("tr[data-order-number]");

/** Types into the list's one search box as a person on the phone would, then 検索. */
async function search(typed: string) {
  await e2e.page.getByLabel("注文番号・名前・電話番号などで検索").fill(typed);
  await e2e.page.getByRole("button", { name: "検索", exact: true }).click();
  await e2e.page.waitForURL((url) => url.searchParams.get("q") === typed);
  await e2e.page.locator('section.screen[aria-busy="false"]').waitFor();
}

test("電話の注文を探す: a phone typed with hyphens finds the one stored without, a name with a space the one stored without", async () => {
  const api = await setUpOwner(e2e.url);
  const s = await seedBasics(api);
  const byPhone = order(s.manualShop, "E2E-TEL-1", [SENCHA]);
  await api.call("POST", "/api/orders", { ...byPhone, buyer: { ...byPhone.buyer, phone: "09011112222" } });
  const byName = order(s.manualShop, "E2E-TEL-2", [SENCHA], { buyer: 3 });
  await api.call("POST", "/api/orders", {
    ...byName,
    buyer: { ...byName.buyer, name: "山田太郎" },
    shipTo: { ...byName.shipTo, name: "山田太郎", phone: "0312345678" },
  });

  await e2e.page.goto(`${e2e.url}/orders`);
  await logInAsOwner(e2e.page);
  await e2e.page.locator('tr[data-order-number="E2E-TEL-1"]').waitFor();
  await e2e.page.locator('tr[data-order-number="E2E-TEL-2"]').waitFor();

  await search("090-1111-2222");
  await e2e.page.locator('tr[data-order-number="E2E-TEL-1"]').waitFor();
  assert.equal(await rows().count(), 1);

  await search("山田　太郎");
  await e2e.page.locator('tr[data-order-number="E2E-TEL-2"]').getByText("山田太郎").waitFor();
  assert.equal(await rows().count(), 1);

  // And the other way round: a buyer's phone stored with hyphens (090-1234-5678), typed without.
  await search("09012345678");
  await e2e.page.locator('tr[data-order-number="E2E-TEL-2"]').waitFor();
  assert.equal(await rows().count(), 1);
});
