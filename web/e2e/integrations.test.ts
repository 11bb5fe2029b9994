import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startWebhookReceiver } from "#test/webhook-receiver.ts";
import { browserSuite, logInAsOwner, setUpOwner } from "./harness.ts";

/**
 * APIトークン and Webhook end to end: a narrow token shown once, listed with its scope, working only
 * within it and dead once revoked; a webhook endpoint on a real HTTP receiver, its secret shown once,
 * a test send that reaches the receiver signed, and the delivery in the endpoint's log.
 */
const e2e = browserSuite();

const secrets: string[] = [];
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
before(async () => {
  receiver = await startWebhookReceiver({ now: () => new Date(), secrets: () => secrets });
});
after(() => receiver.close());

const callWith = (token: string, path: string) =>
  fetch(e2e.url + path, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

async function openSettings(page: string) {
  await e2e.page.getByRole("link", { name: "設定", exact: true }).click();
  await e2e.page.getByRole("navigation", { name: "設定メニュー" }).getByRole("link", { name: page }).click();
  await e2e.page.getByRole("heading", { name: page, exact: true }).waitFor();
}

test("the owner creates an API token with one scope: shown once, listed with its scope, refused outside it", async () => {
  await setUpOwner(e2e.url);
  await e2e.page.goto(`${e2e.url}/attention`);
  await logInAsOwner(e2e.page);
  await e2e.page.getByRole("heading", { name: "要対応" }).waitFor();
  await openSettings("APIトークン");

  const form = e2e.page.getByRole("form", { name: "APIトークンを作成" });
  await form.getByLabel("トークン名").fill("受注の読み取り連携");
  await form.getByRole("radio", { name: "受注: 閲覧" }).check();
  await form.getByRole("button", { name: "作成する" }).click();
  const shown = e2e.page.getByRole("region", { name: "作成したAPIトークン" });
  await shown.getByText("いまだけ表示されます").waitFor();
  const token = (await shown.locator("pre.token").textContent()) ?? "";
  assert.match(token, /^jct_/);
  await shown.getByRole("button", { name: "保管しました" }).click();
  assert.equal(await e2e.page.getByText(token).count(), 0, "the token is not shown again");

  const row = e2e.page.locator('tr[data-token-name="受注の読み取り連携"]');
  await row.getByText("受注の閲覧").waitFor();
  await row.getByText("未使用").waitFor();
  assert.equal(await callWith(token, "/api/orders"), 200);
  assert.equal(await callWith(token, "/api/shops"), 403);

  await row.getByRole("button", { name: "無効化" }).click();
  await e2e.page.getByRole("dialog").getByRole("button", { name: "無効化する" }).click();
  await row.getByText(/^無効/).waitFor();
  assert.equal(await callWith(token, "/api/orders"), 401);
});

test("the owner adds a webhook endpoint, sees its secret once, sends a test and finds it in the log", async () => {
  await openSettings("Webhook");
  const form = e2e.page.getByRole("form", { name: "送信先を追加" });
  await form.getByLabel("URL").fill(receiver.url);
  await form.getByLabel("説明").fill("基幹システム");
  await form.getByRole("checkbox", { name: /注文ステータス/ }).check();
  await form.getByRole("button", { name: "追加する" }).click();
  const shown = e2e.page.getByRole("region", { name: "署名シークレット" });
  const secret = (await shown.locator("pre.token").textContent()) ?? "";
  assert.match(secret, /^whsec_/);
  secrets.push(secret);
  await shown.getByRole("button", { name: "保管しました" }).click();

  const card = e2e.page.locator(`article[data-webhook-url="${receiver.url}"]`);
  await card.getByText("有効", { exact: true }).waitFor();
  await card.getByRole("button", { name: "テスト送信" }).click();
  await card.getByText(/テストイベント\(webhook\.test\)を送信しました/).waitFor();

  await card.getByRole("link", { name: "配信ログ" }).click();
  await e2e.page.getByRole("heading", { name: "配信ログ" }).waitFor();
  const delivery = e2e.page.locator('tr[data-event-type="webhook.test"]');
  await delivery.getByText("成功").waitFor({ timeout: 60_000 });
  await delivery.getByText("200").waitFor();

  const hit = receiver.received.find((r) => r.payload.type === "webhook.test");
  assert.ok(hit, "the receiver got the test event");
  assert.deepEqual(hit.verifiedWith, [secret], "signed with the secret shown once");
  assert.ok(hit.fresh, "a current webhook-timestamp");

  // 再送 sends the same event again: the receiver sees it a second time under the same webhook-id.
  await delivery.getByRole("button", { name: "再送" }).click();
  await e2e.page.getByText("webhook.test を再送します。").waitFor();
  const deadline = Date.now() + 60_000;
  while (receiver.received.filter((r) => r.id === hit.id).length < 2) {
    if (Date.now() > deadline) throw new Error("the redelivery did not arrive");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

test("シークレット再発行 shows the new secret once; the next delivery verifies with it", async () => {
  await e2e.page.getByRole("link", { name: "← Webhook" }).click();
  const card = e2e.page.locator(`article[data-webhook-url="${receiver.url}"]`);
  await card.getByRole("button", { name: "シークレット再発行" }).click();
  await e2e.page.getByRole("dialog").getByRole("button", { name: "再発行する" }).click();
  const shown = e2e.page.getByRole("region", { name: "署名シークレット" });
  const rotated = (await shown.locator("pre.token").textContent()) ?? "";
  assert.match(rotated, /^whsec_/);
  assert.ok(!secrets.includes(rotated), "a new secret");
  await shown.getByRole("button", { name: "保管しました" }).click();
  await card.getByText(/に再発行/).waitFor();

  const already = receiver.received.length;
  secrets.splice(0, secrets.length, rotated);
  await card.getByRole("button", { name: "テスト送信" }).click();
  await receiver.until(already + 1);
  assert.deepEqual(receiver.received.at(-1)?.verifiedWith, [rotated]);
});
