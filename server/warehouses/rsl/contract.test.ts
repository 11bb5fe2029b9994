import { after, before } from "node:test";
import { warehouseContract } from "#server/ports/contracts/warehouse.contract.ts";
import { startRslWarehouseSandbox } from "#test/warehouses/rsl.ts";

/** RSL's client passes the warehouse contract against the RSL sandbox over loopback HTTP. */

let sandbox: Awaited<ReturnType<typeof startRslWarehouseSandbox>>;
before(async () => {
  sandbox = await startRslWarehouseSandbox();
});
after(() => sandbox.close());

warehouseContract("rsl", () => sandbox.driver());
