import type { WarehouseDefinition } from "#server/ports/warehouse.ts";
import { rsl } from "./rsl/index.ts";
import { self } from "./self/index.ts";

/**
 * The warehouse kinds Juchu can ship through. Only the composition root reads this list; the rest asks
 * the AppContext's warehouseKinds, so a new 3PL is a folder and a line here.
 */
export const WAREHOUSE_DEFINITIONS: readonly WarehouseDefinition[] = [self, rsl];
