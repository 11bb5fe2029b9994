import type { WarehouseClient } from "#server/ports/warehouse.ts";

/**
 * 自社倉庫: the merchant's own stock room has no system to call. A request is accepted the moment it
 * lands on the staff's picking list (the shipments 出荷中 at this warehouse), and a withdrawal always
 * succeeds because nobody outside has the parcel. Results come back from the tracking-number import.
 */
export const selfWarehouse: WarehouseClient = {
  async requestShipment(request) {
    return { outcome: "accepted", warehouseReference: request.slipNumber, plannedShipDate: null };
  },
  async withdrawShipment() {
    return { outcome: "withdrawn" };
  },
  async fetchResults(cursor) {
    return { results: [], cursor };
  },
};
