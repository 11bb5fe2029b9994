import { after, before, test } from "node:test";
import { exited, startLifecycleRig } from "#test/lifecycle-processes.ts";

const postgres = Boolean(process.env.DATABASE_URL);
const COUNT = 90;
let rig: Awaited<ReturnType<typeof startLifecycleRig>>;
before(async () => {
  rig = await startLifecycleRig();
});
after(() => rig.close());

test("a worker killed (kill -9) mid-lifecycle loses nothing and doubles nothing: the next one finishes every order", async () => {
  // PostgreSQL: the API in its own process, the workers in another. PGlite: one process holds the
  // data folder, so the process killed is the whole server and the next one opens the folder after it.
  const first = postgres ? await rig.bootApi("web") : await rig.bootApi("all");
  const worker = postgres ? rig.startWorker() : first.child;
  const placed = await rig.placeOrders(first.url, COUNT);
  await rig.importNow(first.url, placed.shopId);
  // The kill lands while the shipment requests of a batch are on their way to RSL.
  for (;;) {
    const sent = (await rig.rsl.requests(placed.merchantId)).items.length;
    if (sent >= COUNT / 3) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  worker.kill("SIGKILL");
  await exited(worker);
  const next = postgres ? first : await rig.bootApi("all");
  if (postgres) rig.startWorker();
  await rig.untilCompleted(next.url, placed, COUNT);
  await rig.assertOnce(next.url, placed);
});
