import assert from "node:assert/strict";
import { test } from "node:test";
import type { OrderChanges } from "../channel.ts";
import { MallError, type MallOrder } from "../mall.ts";
import type { ContractSetUp } from "./driver.ts";

/** Every order of one fetch, page by page. */
export async function allPages(changes: OrderChanges): Promise<{ orders: MallOrder[]; missing: string[] }> {
  const orders: MallOrder[] = [];
  const missing: string[] = [];
  for await (const page of changes.pages) {
    orders.push(...page.orders);
    missing.push(...page.missing);
  }
  return { orders, missing };
}

async function rejection(promise: Promise<unknown>): Promise<MallError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MallError, `a MallError, not ${String(error)}`);
    return error;
  }
  assert.fail("expected the call to fail");
}

/**
 * The OrderSource contract, run by every channel that polls (as Drizzle runs one suite on every
 * driver): cases the channel's capabilities rule out are skipped.
 */
export function orderSourceContract(name: string, setUp: ContractSetUp): void {
  const poll = { pollMinutes: 3 };
  const skip = async () => {
    const { capabilities } = (await setUp()).definition;
    return capabilities.source !== "poll" ? `${name} does not poll` : false;
  };

  test(`${name} OrderSource: every order placed inside the window comes back exactly once across pages`, async (t) => {
    if (await skip()) return t.skip();
    const { source, driver } = await setUp();
    assert.ok(source);
    const now = await driver.now();
    const placed = await driver.placeOrders(150, new Date(now.getTime() - 3_600_000));
    const changes = await source.fetchChanges(null, { now: await driver.now(), ...poll });
    const { orders, missing } = await allPages(changes);
    const numbers = orders.map((o) => o.mallOrderNumber);
    assert.deepEqual(missing, []);
    assert.equal(new Set(numbers).size, numbers.length, "each order once");
    assert.deepEqual([...numbers].sort(), [...placed].sort());
    assert.equal(changes.found, placed.length);
  });

  test(`${name} OrderSource: an order placed after a fetch comes with the next one, from its cursor`, async (t) => {
    if (await skip()) return t.skip();
    const { source, driver } = await setUp();
    assert.ok(source);
    const first = await source.fetchChanges(null, { now: await driver.now(), ...poll });
    await allPages(first);
    const [later] = await driver.placeOrders(1);
    const next = await source.fetchChanges(first.cursor, { now: await driver.now(), ...poll });
    const { orders } = await allPages(next);
    assert.deepEqual(
      orders.map((o) => o.mallOrderNumber),
      [later],
    );
  });

  test(`${name} OrderSource: an order changed at the channel comes back changed on the next fetch`, async (t) => {
    if (await skip()) return t.skip();
    const { source, driver } = await setUp();
    assert.ok(source);
    const [number] = await driver.placeOrders(1);
    assert.ok(number);
    const first = await source.fetchChanges(null, { now: await driver.now(), ...poll });
    await allPages(first);
    const changed = await driver.changeOrder(number);
    const next = await source.fetchChanges(first.cursor, { now: await driver.now(), ...poll });
    const again = (await allPages(next)).orders.find((o) => o.mallOrderNumber === number);
    assert.ok(again, "the changed order is fetched again");
    assert.ok(changed(again), "with the change");
  });

  test(`${name} OrderSource: an order cancelled at the channel comes back cancelled`, async (t) => {
    if (await skip()) return t.skip();
    const { source, driver } = await setUp();
    assert.ok(source);
    const [number] = await driver.placeOrders(1);
    assert.ok(number);
    await driver.cancelAtChannel(number);
    const { orders } = await allPages(await source.fetchChanges(null, { now: await driver.now(), ...poll }));
    assert.equal(orders.find((o) => o.mallOrderNumber === number)?.mallStatus.cancelled, true);
    const [read] = await source.getOrders([number]);
    assert.equal(read?.mallStatus.cancelled, true, "read by number too");
  });

  test(`${name} OrderSource: a 5xx or a timeout is a retryable error; refused credentials are not`, async (t) => {
    if (await skip()) return t.skip();
    const { source, driver } = await setUp();
    assert.ok(source);
    for (const kind of ["unavailable", "timeout"] as const) {
      await driver.fault(kind);
      const error = await rejection(source.fetchChanges(null, { now: await driver.now(), ...poll }));
      assert.equal(error.retryable, true, kind);
    }
    const refused = await rejection(
      driver.sourceWithBadCredentials().fetchChanges(null, { now: await driver.now(), ...poll }),
    );
    assert.equal(refused.retryable, false);
    assert.equal(refused.credentials, true, "the merchant's to fix");
  });
}
