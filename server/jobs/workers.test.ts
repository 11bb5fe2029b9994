import { after, before, test } from "node:test";
import { startLifecycleRig } from "#test/lifecycle-processes.ts";

const postgres = Boolean(process.env.DATABASE_URL);
let rig: Awaited<ReturnType<typeof startLifecycleRig>>;
before(async () => {
  rig = await startLifecycleRig();
});
after(() => rig.close());

test("two worker processes on one PostgreSQL take 受注 → 完了 for every order, nothing done twice", {
  skip: postgres ? false : "PGlite is one process",
}, async () => {
  const web = await rig.bootApi("web");
  rig.startWorker();
  rig.startWorker();
  const placed = await rig.placeOrders(web.url, 60);
  await rig.importNow(web.url, placed.shopId);
  await rig.untilCompleted(web.url, placed, 60);
  await rig.assertOnce(web.url, placed);
});
