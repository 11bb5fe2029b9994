import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { inquiries } from "#server/db/schema.ts";
import { startTestApp, type TestApp } from "#test/app.ts";

let t: TestApp;
let shopId: string;
let seq = 0;

before(async () => {
  t = await startTestApp();
  shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "問い合わせ店" })).body.id;
});
after(() => t.close());

/** An inquiry as the import leaves it: the board reads only the account, the flag and 完了. */
async function inquiry(flags: { cancelRequested: boolean; completed: boolean; receivedAt: Date }) {
  const at = flags.receivedAt;
  await t.database.db.insert(inquiries).values({
    id: t.ctx.newId(),
    accountId: t.owner.accountId,
    shopId,
    inquiryNumber: `INQ-${++seq}`,
    buyerName: "楽天 太郎",
    message: "キャンセルしたいです",
    cancelRequested: flags.cancelRequested,
    thread: [],
    read: true,
    completed: flags.completed,
    receivedAt: at,
    updatedAt: at,
  });
}

async function board(token?: string) {
  const res = await t.api("GET", "/api/attention", undefined, token);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

test("要対応 counts the cancel requests not yet 対応完了; other questions, completed ones and other accounts do not count", async () => {
  const empty = await board();
  assert.equal(empty.cancelRequests.count, 0);
  assert.equal(empty.cancelRequests.latestAt, null);

  const early = new Date("2026-12-01T01:00:00Z");
  const late = new Date("2026-12-02T03:30:00Z");
  await inquiry({ cancelRequested: true, completed: false, receivedAt: early });
  await inquiry({ cancelRequested: true, completed: false, receivedAt: late });
  await inquiry({ cancelRequested: true, completed: true, receivedAt: new Date("2026-12-03T00:00:00Z") });
  await inquiry({ cancelRequested: false, completed: false, receivedAt: new Date("2026-12-04T00:00:00Z") });

  const body = await board();
  assert.equal(body.cancelRequests.count, 2);
  assert.equal(
    body.cancelRequests.latestAt,
    "2026-12-02T12:30:00.000+09:00",
    "the newest open one, Tokyo time",
  );
  assert.match(body.cancelRequests.action, /対応完了/);

  const other = await t.newAccount();
  assert.equal((await board(other.apiToken)).cancelRequests.count, 0);
});
