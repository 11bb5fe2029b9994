import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { EXPORT_ATTEMPTS } from "#server/app/orders/run-order-export.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { newOrder, orderBody } from "#test/catalog-api.ts";

let t: TestApp;

before(async () => {
  t = await startTestApp();
  const shop = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  const order = (n: string, buyer: string, remarks: string) => {
    t.clock.advance(60_000);
    return newOrder(
      t,
      orderBody(shop, n, [{ mallItemCode: "x", quantity: 1 }], {
        buyer: { name: buyer, email: "x@example.com" },
        remarks,
      }),
    );
  };
  await order("X-1", "𠮷田 太郎", "よろしく🙏 お願いします🙏");
  await order("X-2", "髙橋 次郎", "のし不要?");
  await order("X-3", "鈴木 花子", "特になし");
});
after(() => t.close());

const start = async (body: Record<string, unknown>) => {
  t.clock.advance(1_000);
  const started = await t.api("POST", "/api/order-exports", body);
  assert.equal(started.status, 202, JSON.stringify(started.body));
  return started.body.id as string;
};
// Embedded PGlite blocks the event loop on long statements; a moment lets idle sockets close first.
const view = async (id: string) => {
  await delay(50);
  return (await t.api("GET", `/api/order-exports/${id}`)).body;
};

test("characters Shift_JIS cannot hold are written as ? and counted, with the columns they were in", async () => {
  const id = await start({
    filter: { sort: "orderedAt" },
    columns: ["orderNumber", "buyerName", "remarks"],
    encoding: "shift_jis",
  });
  await t.runDueJobs("order-export");
  const done = await view(id);
  assert.equal(done.status, "succeeded");
  // 𠮷 (outside CP932) and two emoji; 髙 is in CP932 (IBM extension) and the buyer's own "?" is no loss.
  assert.equal(done.replacedChars, 3);
  assert.deepEqual(
    done.replacedColumns.map((c: { label: string }) => c.label),
    ["購入者名", "備考"],
  );
  const file = await fetch(`${t.url}${done.downloadPath}`, {
    headers: { authorization: `Bearer ${t.owner.apiToken}` },
  });
  const text = iconv.decode(Buffer.from(await file.arrayBuffer()), "cp932");
  assert.match(text, /X-1,\?田 太郎,よろしく\? お願いします\?\r\nX-2,髙橋 次郎,のし不要\?/);

  const utf8 = await start({ filter: {}, columns: ["buyerName", "remarks"], encoding: "utf8" });
  await t.runDueJobs("order-export");
  const whole = await view(utf8);
  assert.deepEqual([whole.status, whole.replacedChars, whole.replacedColumns], ["succeeded", 0, []]);
});

test("an export whose job keeps failing ends failed with the reason after its last attempt", async () => {
  // A real failure in the database: every piece written is refused, as a full disk would.
  await t.database.db.execute(sql`create function refuse_export_chunk() returns trigger language plpgsql as $$
    begin raise exception 'could not extend file: No space left on device'; end $$`);
  await t.database.db.execute(sql`create trigger refuse_export_chunk before insert on order_export_chunks
    for each row execute function refuse_export_chunk()`);
  try {
    const id = await start({ filter: {}, columns: ["orderNumber"], encoding: "utf8" });
    for (let attempt = 1; attempt < EXPORT_ATTEMPTS; attempt++) {
      await assert.rejects(t.runDueJobs("order-export"), (e: Error) =>
        String(e.cause).includes("No space left on device"),
      );
      const retrying = await view(id);
      assert.deepEqual([retrying.status, retrying.error], ["running", null], `attempt ${attempt} is retried`);
    }
    assert.equal(await t.runDueJobs("order-export"), 1, "the last attempt completes its job");
    const failed = await view(id);
    assert.equal(failed.status, "failed");
    assert.equal(
      failed.error,
      `${EXPORT_ATTEMPTS}回試みましたが出力できませんでした(could not extend file: No space left on device)。もう一度出力してください。`,
    );
    assert.equal(failed.downloadPath, null);
    assert.deepEqual(await t.queuedJobs("order-export"), [], "nothing is left to retry");
    const file = await t.api("GET", `/api/order-exports/${id}/file`);
    assert.equal(file.body.code, "order_export.not_ready");
  } finally {
    await t.database.db.execute(sql`drop trigger refuse_export_chunk on order_export_chunks`);
  }
});
