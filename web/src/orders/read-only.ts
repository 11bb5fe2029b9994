import type { Order } from "../api/types.ts";

/**
 * An order as a person without orders:write sees it: the API's allowedActions say what the order's
 * state allows, not what this person may do, so their buttons are taken away here in one place.
 */
export function readOnly(order: Order): Order {
  return {
    ...order,
    allowedActions: [],
    shipments: order.shipments.map((s) => ({ ...s, allowedActions: [] })),
  };
}
