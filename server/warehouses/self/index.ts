import type { WarehouseDefinition } from "#server/ports/warehouse.ts";
import { selfWarehouse } from "./client.ts";

/** 自社倉庫: the merchant's own stock room, worked in Juchu itself; every account starts with one. */
export const self: WarehouseDefinition = {
  kind: "self",
  label: "自社倉庫",
  credentials: [],
  capabilities: { stockRoom: true, withdraw: true, resultsPolling: false, stockSync: false, linkage: false },
  createClient: () => selfWarehouse,
};
