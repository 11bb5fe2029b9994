import type { Order } from "../api/types.ts";

/**
 * An order as this person may act on it: the API's allowedActions say what the order's state allows,
 * not what the person may do, so the actions of an area they may not change are taken away here, in
 * one place (the order's own with orders:write, its shipments' with shipping:write).
 */
export function withinPermissions(order: Order, may: { orders: boolean; shipping: boolean }): Order {
  if (may.orders && may.shipping) return order;
  return {
    ...order,
    allowedActions: may.orders ? order.allowedActions : [],
    shipments: order.shipments.map((s) => ({ ...s, allowedActions: may.shipping ? s.allowedActions : [] })),
  };
}
