import type { warehouses } from "#server/db/schema.ts";
import type { SealedSecret } from "#server/ports/secret-box.ts";
import type { WarehouseClient, WarehouseKind } from "#server/ports/warehouse.ts";
import type { AppContext } from "./context.ts";

/** The warehouse's client, its API key opened for this call only. */
export function warehouseClientOf(
  ctx: AppContext,
  warehouse: typeof warehouses.$inferSelect,
): WarehouseClient {
  return ctx.warehouses({
    kind: warehouse.kind as WarehouseKind,
    credentials: warehouse.credentials ? ctx.secrets.open(warehouse.credentials as SealedSecret) : null,
  });
}
