import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { manualClock } from "#sandbox/kit/test-support.ts";
import { type RakutenSandbox, startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { rakuten } from "#server/channels/rakuten/index.ts";
import type { InquiryChanges, InquiryInbox, MallInquiry } from "#server/ports/channel.ts";
import { rejection } from "#test/channels/rakuten-contract.ts";
import { type SandboxControl, sandboxControl } from "#test/rakuten.ts";

/** The R-Messe inbox (問い合わせ管理API) against the RMS sandbox over HTTP, on a manual mall clock. */

const clock = manualClock("2025-06-10T10:00:00+09:00");
const MINUTE = 60_000;
const API = "/es/1.0/inquirymng-api";
let sandbox: RakutenSandbox;
let mall: SandboxControl;
let shop: { shopId: string; serviceSecret: string; licenseKey: string };
let inbox: InquiryInbox;

const inboxFor = (credentials: Record<string, string>, timeoutMs = 2_000): InquiryInbox => {
  const inquiries = rakuten.createClients?.({ apiUrl: sandbox.url, timeoutMs }, credentials).inquiries;
  if (!inquiries) throw new Error("rakuten has an inquiry inbox");
  return inquiries;
};

before(async () => {
  sandbox = await startRakutenSandbox({ now: clock.now });
  mall = sandboxControl(sandbox);
});
after(() => sandbox.close());
beforeEach(async () => {
  clock.set("2025-06-10T10:00:00+09:00");
  await mall.clearFaults();
  shop = await mall.createShop();
  inbox = inboxFor({ serviceSecret: shop.serviceSecret, licenseKey: shop.licenseKey });
});

const ask = (body: Record<string, unknown> = {}) =>
  mall.postInquiry(shop.shopId, { message: "在庫はありますか", ...body });
const thread = (n: string) => mall.inquiry(n);

async function everything(changes: InquiryChanges): Promise<MallInquiry[]> {
  const all: MallInquiry[] = [];
  for await (const page of changes.pages) all.push(...page);
  return all;
}

const poll = (cursor: string | null) => inbox.fetchChanges(cursor, { now: clock.now(), pollMinutes: 3 });

test("Rakuten says it has buyer messages, and its clients carry the inbox", () => {
  assert.equal(rakuten.capabilities.inquiries, true);
  assert.ok(inboxFor({ serviceSecret: "s", licenseKey: "k" }));
});

test("polls overlap: a thread the mall registered late, a follow-up and a new thread are all in the next poll", async () => {
  const order = await mall.placeOrder(shop.shopId);
  const a = await ask({
    orderNumber: order.orderNumber,
    cancelRequest: true,
    message: "キャンセルしたいです",
  });
  const first = await poll(null);
  assert.equal(
    first.window.to.getTime() - first.window.from.getTime(),
    24 * 3_600_000,
    "a day back at first",
  );
  const [seen] = await everything(first);
  assert.deepEqual(
    [seen?.inquiryNumber, seen?.mallOrderNumber, seen?.cancelRequested, seen?.category],
    [a.inquiryNumber, order.orderNumber, true, "受注問い合わせ / 返品交換・キャンセル"],
  );
  assert.equal(first.cursor, clock.now().toISOString());

  clock.advance(3 * MINUTE);
  // Registered a little late: its lastUpdateDate is before the first poll's end, its arrival after.
  const late = await ask({ message: "遅れて届いた問い合わせ" });
  const lateRecord = sandbox.state.inquiries.get(late.inquiryNumber);
  assert.ok(lateRecord);
  lateRecord.lastUpdateDate = new Date(Date.parse(first.cursor) - MINUTE);
  await mall.followUp(a.inquiryNumber, "まだ発送前ですよね？");
  const fresh = await ask({ message: "新しい問い合わせ" });

  const second = await poll(first.cursor);
  assert.equal(
    second.window.from.getTime(),
    Date.parse(first.cursor) - 6 * MINUTE,
    "reads back before the cursor",
  );
  const threads = await everything(second);
  assert.deepEqual(
    threads.map((i) => i.inquiryNumber).sort(),
    [a.inquiryNumber, late.inquiryNumber, fresh.inquiryNumber].sort(),
  );
  const followed = threads.find((i) => i.inquiryNumber === a.inquiryNumber);
  assert.deepEqual(
    followed?.replies.map((r) => [r.from, r.message]),
    [["buyer", "まだ発送前ですよね？"]],
  );
  assert.equal(threads.find((i) => i.inquiryNumber === fresh.inquiryNumber)?.cancelRequested, false);
});

test("a shop off for months catches up 30 days a poll (the API takes under 31)", async () => {
  const months = await poll(new Date(clock.now().getTime() - 90 * 24 * 3_600_000).toISOString());
  assert.equal(months.window.to.getTime() - months.window.from.getTime(), 30 * 24 * 3_600_000);
  assert.ok(months.window.to < clock.now());
});

test("250 threads come a page of 100 at a time, each once", async () => {
  for (let i = 0; i < 250; i++) {
    await ask({ message: `問い合わせ ${i}` });
    clock.advance(1000);
  }
  await mall.call("DELETE", "/calls");
  const changes = await poll(null);
  assert.equal(changes.found, 250);
  const sizes: number[] = [];
  const numbers = new Set<string>();
  for await (const page of changes.pages) {
    sizes.push(page.length);
    for (const i of page) numbers.add(i.inquiryNumber);
  }
  assert.deepEqual(sizes, [100, 100, 50]);
  assert.equal(numbers.size, 250);
  assert.equal((await mall.calls(`${API}/inquiries`)).items.length, 3);
});

test("a list that moves while it is paged is read again from page 1, so nothing is skipped", async () => {
  const asked = [];
  for (let i = 0; i < 150; i++) asked.push((await ask({ message: `問い合わせ ${i}` })).inquiryNumber);
  clock.advance(MINUTE);
  const changes = await poll(null);
  // Between page 1 and page 2 a thread on page 1 is answered in RMS: it leaves the window.
  const moved = sandbox.state.inquiries.get(asked[149] ?? "");
  assert.ok(moved);
  const pages: MallInquiry[][] = [];
  for await (const page of changes.pages) {
    pages.push(page);
    if (pages.length === 1) moved.lastUpdateDate = new Date(clock.now().getTime() + MINUTE);
  }
  const seen = new Set(pages.flat().map((i) => i.inquiryNumber));
  assert.deepEqual(
    asked.filter((n) => !seen.has(n)),
    [],
  );
  assert.equal(pages.length, 3, "page 1, then page 1 and 2 again");
});

test("a thread listed without its replies is read on its own", async () => {
  const asked = await ask();
  await mall.followUp(asked.inquiryNumber, "追記");
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const res = await realFetch(input, init);
    if (!String(input).includes(`${API}/inquiries?`)) return res;
    const body = await res.json();
    for (const i of body.list) delete i.replies;
    return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
  };
  try {
    const [got] = await everything(await poll(null));
    assert.deepEqual(
      got?.replies.map((r) => r.message),
      ["追記"],
    );
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.equal((await mall.calls(`${API}/inquiry/${asked.inquiryNumber}`)).items.length, 1);
});

test("reply, markRead and setCompleted reach the mall; done already counts as done", async () => {
  const asked = await ask();
  clock.advance(MINUTE);
  await inbox.reply({ inquiryNumber: asked.inquiryNumber, message: "ただいま確認いたします。" });
  await inbox.markRead([asked.inquiryNumber]);
  await inbox.markRead([asked.inquiryNumber]);
  await inbox.setCompleted([asked.inquiryNumber], true);
  let view = await thread(asked.inquiryNumber);
  assert.deepEqual(
    view.replies.map((r: { replyFrom: string; message: string }) => [r.replyFrom, r.message]),
    [["merchant", "ただいま確認いたします。"]],
  );
  assert.deepEqual([view.readByMerchant, view.isCompleted], [true, true]);
  assert.equal(view.lastUpdateDate, "2025-06-10T10:01:00+09:00");
  await inbox.setCompleted([asked.inquiryNumber], false);
  view = await thread(asked.inquiryNumber);
  assert.equal(view.isCompleted, false);

  const got = await inbox.getInquiry(asked.inquiryNumber);
  assert.deepEqual(
    [got?.readByMerchant, got?.completed, got?.replies.length, got?.updatedAt.toISOString()],
    [true, false, 1, clock.now().toISOString()],
  );
});

test("refusals are MallErrors that no retry helps: unknown threads, an empty reply", async () => {
  const asked = await ask();
  const unknown = await rejection(inbox.markRead([asked.inquiryNumber, `${shop.shopId}-20250610-999999t`]));
  assert.equal(unknown.retryable, false);
  assert.match(unknown.message, /999999t: not found\./);
  assert.equal((await thread(asked.inquiryNumber)).readByMerchant, true, "the known one is read");

  const empty = await rejection(inbox.reply({ inquiryNumber: asked.inquiryNumber, message: "" }));
  assert.deepEqual([empty.code, empty.retryable], ["rakuten.IE001", false]);
  assert.match(empty.message, /message: size must be between 1 and 2000/);

  const fresh = inboxFor({ serviceSecret: shop.serviceSecret, licenseKey: shop.licenseKey });
  const nowhere = await rejection(fresh.reply({ inquiryNumber: "365811-20250610-999999t", message: "はい" }));
  assert.deepEqual([nowhere.code, nowhere.retryable], ["rakuten.inquiry_not_found", false]);
  assert.equal(await inbox.getInquiry("365811-20250610-999999t"), null);
  // The gateway's 404 (a wrong API URL) is no unknown thread.
  const misplaced = rakuten.createClients?.({ apiUrl: `${sandbox.url}/nowhere` }, shop).inquiries;
  const wrongUrl = await rejection(misplaced?.getInquiry(asked.inquiryNumber) ?? Promise.resolve());
  assert.deepEqual([wrongUrl.code, wrongUrl.retryable], ["rakuten.http_404", false]);
});

test("faults give retryable MallErrors; wrong keys a credentials error", async () => {
  await ask();
  for (const kind of ["status503", "status500", "malformed_json", "timeout"]) {
    await mall.fault({ path: `${API}/inquiries`, kind });
    const slowInbox = inboxFor({ serviceSecret: shop.serviceSecret, licenseKey: shop.licenseKey }, 300);
    const error = await rejection(slowInbox.fetchChanges(null, { now: clock.now(), pollMinutes: 3 }));
    assert.equal(error.retryable, true, kind);
  }
  await mall.fault({ path: `${API}/inquiry/reply`, kind: "status503" });
  const asked = await ask();
  const lost = await rejection(inbox.reply({ inquiryNumber: asked.inquiryNumber, message: "はい" }));
  assert.deepEqual([lost.code, lost.retryable], ["rakuten.unavailable", true]);

  const wrong = await rejection(
    inboxFor({ serviceSecret: "SP-wrong", licenseKey: "SL-wrong" }).getInquiry("x-1t"),
  );
  assert.deepEqual([wrong.retryable, wrong.credentials], [false, true]);
});
