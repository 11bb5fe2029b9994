import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { startTestApp, type TestApp } from "#test/app.ts";

let t: TestApp;

before(async () => {
  t = await startTestApp();
});
after(() => t.close());

/** The migration's own statements after the column is added: what it does to the shops already there. */
async function backfill(): Promise<void> {
  const text = await readFile(new URL("./migrations/0028_setup_checklist.sql", import.meta.url), "utf8");
  for (const statement of text.split("--> statement-breakpoint").slice(1)) {
    await t.ctx.db.execute(sql.raw(statement));
  }
}

test("shops already syncing when the checklist came in stand confirmed by システム; the others stay open", async () => {
  const make = async (name: string) =>
    (await t.api("POST", "/api/shops", { channel: "rakuten", name })).body.id as string;
  const syncing = await make("連動中の店");
  const fresh = await make("準備中の店");
  // As a shop switched on before the gate existed: sync on, nothing confirmed.
  await t.ctx.db.execute(
    sql`update shops set settings = settings || '{"syncEnabled": true}'::jsonb, setup_checklist = '{}' where id = ${syncing}`,
  );
  await backfill();

  const sheet = (await t.api("GET", `/api/shops/${syncing}/setup-checklist`)).body;
  assert.equal(sheet.complete, true);
  assert.deepEqual(
    [
      ...new Set(
        sheet.items.map((i: { confirmed: { actedBy: { label: string } } }) => i.confirmed.actedBy.label),
      ),
    ],
    ["システム"],
  );
  const open = (await t.api("GET", `/api/shops/${fresh}/setup-checklist`)).body;
  assert.equal(open.complete, false);
  assert.ok(open.items.every((i: { confirmed: unknown }) => i.confirmed === null));
});
