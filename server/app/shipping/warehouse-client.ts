import type { warehouses } from "#server/db/schema.ts";
import type { SealedSecret } from "#server/ports/secret-box.ts";
import type { WarehouseClient, WarehouseDefinition } from "#server/ports/warehouse.ts";
import type { AppContext } from "../context.ts";

/** The warehouse's client, its API key opened for this call only. */
export function warehouseClientOf(
  ctx: AppContext,
  warehouse: typeof warehouses.$inferSelect,
): WarehouseClient {
  return ctx.warehouses({
    kind: warehouse.kind,
    credentials: warehouse.credentials ? ctx.secrets.open(warehouse.credentials as SealedSecret) : null,
  });
}

/** A stored warehouse's kind; one whose folder was removed is a programming error, not a refusal. */
export function warehouseKindOf(ctx: AppContext, kind: string): WarehouseDefinition {
  const definition = ctx.warehouseKinds.find((d) => d.kind === kind);
  if (!definition) throw new Error(`no warehouse kind ${kind} is registered`);
  return definition;
}

/** The kinds that can do something, for queries over every warehouse that can. */
export function warehouseKindsWith(ctx: AppContext, capability: keyof WarehouseDefinition["capabilities"]) {
  return ctx.warehouseKinds.filter((d) => d.capabilities[capability]).map((d) => d.kind);
}
