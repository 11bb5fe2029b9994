import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { startTestApp, type TestApp } from "#test/app.ts";
import { orderBody } from "#test/catalog-api.ts";

let t: TestApp;

before(async () => {
  t = await startTestApp();
});
after(() => t.close());

/** A fresh account with a manual shop; `order()` registers one order and answers its slip number. */
async function accountWithShop() {
  const { apiToken } = await t.newAccount();
  const shop = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" }, apiToken)).body.id;
  let seq = 0;
  return async () => {
    const body = orderBody(shop, `S-${++seq}-${randomUUID()}`, [{ mallItemCode: "x", quantity: 1 }]);
    const res = await t.api("POST", "/api/orders", body, apiToken);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.shipments[0].slipNumber as string;
  };
}

test("each account numbers its own slips from J0000000001, whatever other accounts ship", async () => {
  const a = await accountWithShop();
  const b = await accountWithShop();
  const numbers = { a: [] as string[], b: [] as string[] };
  for (let i = 0; i < 3; i++) {
    numbers.a.push(await a());
    numbers.b.push(await b());
    numbers.b.push(await b());
  }
  assert.deepEqual(numbers.a, ["J0000000001", "J0000000002", "J0000000003"]);
  assert.deepEqual(numbers.b, [
    "J0000000001",
    "J0000000002",
    "J0000000003",
    "J0000000004",
    "J0000000005",
    "J0000000006",
  ]);
});

test("orders registered at once in one account get distinct slip numbers", async () => {
  const a = await accountWithShop();
  const numbers = await Promise.all(Array.from({ length: 20 }, () => a()));
  assert.equal(new Set(numbers).size, 20);
  for (const n of numbers) assert.match(n, /^J\d{10}$/);
});

test("the migration keeps every slip number given so far and goes on after each account's own highest", async () => {
  const folder = new URL("./migrations/", import.meta.url);
  const journal = JSON.parse(await readFile(new URL("meta/_journal.json", folder), "utf8")) as {
    entries: { tag: string }[];
  };
  const at = journal.entries.findIndex((e) => e.tag.endsWith("_slip_numbers_per_account"));
  assert.ok(at > 0, "the migration is in the journal");
  const db = await PGlite.create({ extensions: { pg_trgm } });
  const run = async (tag: string) => {
    const text = await readFile(new URL(`${tag}.sql`, folder), "utf8");
    for (const statement of text.split("--> statement-breakpoint")) await db.exec(statement);
  };
  for (const entry of journal.entries.slice(0, at)) await run(entry.tag);

  // Shipments numbered by the one sequence of before: A has 1–2 and 5, B has 3–4.
  const [a, b] = [randomUUID(), randomUUID()];
  // Just the rows that matter, without their orders and warehouses.
  await db.exec(`do $$ declare c record; begin
    for c in select conname from pg_constraint where conrelid = 'shipments'::regclass and contype = 'f' loop
      execute format('alter table shipments drop constraint %I', c.conname);
    end loop; end $$`);
  for (const [account, n] of [
    [a, 1],
    [a, 2],
    [b, 3],
    [b, 4],
    [a, 5],
  ] as const) {
    await db.query(
      `insert into shipments (id, order_id, account_id, warehouse_id, status, slip_number)
       values ($1, $2, $3, $4, 'allocating', $5)`,
      [randomUUID(), randomUUID(), account, randomUUID(), `J${String(n).padStart(10, "0")}`],
    );
  }
  await db.query("insert into accounts (id, name) values ($1, 'A'), ($2, 'B')", [a, b]);
  await run(journal.entries[at]?.tag ?? "");

  const next = async (account: string) => {
    const r = await db.query<{ slip_number: string }>(
      `insert into shipments (id, order_id, account_id, warehouse_id, status)
       values ($1, $2, $3, $4, 'allocating') returning slip_number`,
      [randomUUID(), randomUUID(), account, randomUUID()],
    );
    return r.rows[0]?.slip_number;
  };
  assert.equal(await next(a), "J0000000006");
  assert.equal(await next(b), "J0000000005");
  const kept = await db.query<{ n: number }>(
    "select count(*)::int as n from shipments where slip_number <= 'J0000000005'",
  );
  assert.equal(kept.rows[0]?.n, 6, "the five numbers of before are still there (and B's new fifth)");
  await db.close();
});
