import { z } from "zod";
import type { ControlContext, ControlRoute } from "./control-router.ts";
import { withShop } from "./control-shops.ts";
import { controlError, json, parseWith, type Reply } from "./http-reply.ts";
import { applyMallChange } from "./mall-change.ts";
import { cancelAtMall, recordPayment } from "./mall-progress.ts";
import { bulkOrdersInput, mallChangeInput, placeOrderInput } from "./order-input.ts";
import { NEWEST_VERSION, presentOrderModel } from "./order-model.ts";
import type { MallOrder } from "./order-record.ts";
import { placeOrder } from "./place-order.ts";
import { mallCancelReasons, orderProgressNames, settlementMethods } from "./rms-codes.ts";
import type { MallState } from "./state.ts";

/**
 * What buyers and the mall do to orders: place them (one, or thousands for a benchmark), pay a
 * prepaid one, cancel from the mall side, change them (送料確定, new ship-to…), and the mall's own
 * view of an order with everything that happened to it.
 */

const cancelInput = z.strictObject({
  reason: z
    .number()
    .int()
    .refine(
      (n) => (mallCancelReasons as readonly number[]).includes(n),
      "a changeReasonDetail: 1–6, 8, 10, 13–16",
    )
    .optional(),
  restoreStock: z.boolean().optional(),
});

function withOrder(
  state: MallState,
  orderNumber: string | undefined,
  then: (order: MallOrder) => Reply,
): Reply {
  const order = orderNumber === undefined ? undefined : state.orders.get(orderNumber);
  return order ? then(order) : controlError(404, "order_not_found", `no order ${orderNumber} in the sandbox`);
}

/** The mall's view: the newest OrderModel plus what happened, in ISO instants. */
export function mallView(order: MallOrder): Record<string, unknown> {
  return {
    shopId: order.shopId,
    orderNumber: order.orderNumber,
    orderProgress: order.orderProgress,
    orderProgressName: orderProgressNames[order.orderProgress as keyof typeof orderProgressNames],
    settlement: order.settlement,
    paidAt: order.paidAt?.toISOString() ?? null,
    basketIds: order.packages.map((p) => p.basketId),
    history: order.history.map((h) => ({ ...h, at: h.at.toISOString() })),
    order: presentOrderModel(order, NEWEST_VERSION),
  };
}

function placeOne({ state, params, body }: ControlContext): Reply {
  return withShop(state, params.shopId, (shop) => {
    const input = parseWith(placeOrderInput, body);
    if (!input.ok) return input.reply;
    return json(201, mallView(placeOrder(state, shop, input.value, state.now())));
  });
}

function placeMany({ state, params, body }: ControlContext): Reply {
  return withShop(state, params.shopId, (shop) => {
    const input = parseWith(bulkOrdersInput, body);
    if (!input.ok) return input.reply;
    const { count, template = {}, intervalSeconds = 0 } = input.value;
    const now = state.now();
    const base = template.orderedAt ? Date.parse(template.orderedAt) : now.getTime();
    const orderNumbers: string[] = [];
    for (let i = 0; i < count; i++) {
      const orderedAt = new Date(base + i * intervalSeconds * 1000).toISOString();
      orderNumbers.push(placeOrder(state, shop, { ...template, orderedAt }, now).orderNumber);
    }
    return json(201, { count, orderNumbers });
  });
}

function pay({ state, params }: ControlContext): Reply {
  return withOrder(state, params.orderNumber, (order) => {
    if (!settlementMethods[order.settlement].prepaid) {
      return controlError(
        409,
        "not_prepaid",
        `${order.orderNumber} is paid by ${order.settlement}, not in advance`,
      );
    }
    if (order.paidAt !== null)
      return controlError(409, "already_paid", `${order.orderNumber} is paid already`);
    if (order.orderProgress >= 800)
      return controlError(409, "cancelled", `${order.orderNumber} is cancelled`);
    recordPayment(state, order, state.now());
    return json(200, mallView(order));
  });
}

function cancelFromMall({ state, params, body }: ControlContext): Reply {
  return withOrder(state, params.orderNumber, (order) => {
    const input = parseWith(cancelInput, body);
    if (!input.ok) return input.reply;
    if (order.orderProgress === 900)
      return controlError(409, "cancelled", `${order.orderNumber} is cancelled already`);
    const reason = input.value.reason ?? 1;
    cancelAtMall(state, order, { reason, restoreStock: input.value.restoreStock ?? true }, state.now());
    return json(200, mallView(order));
  });
}

function change({ state, params, body }: ControlContext): Reply {
  return withOrder(state, params.orderNumber, (order) => {
    const input = parseWith(mallChangeInput, body);
    if (!input.ok) return input.reply;
    return applyMallChange(order, input.value, state.now()) ?? json(200, mallView(order));
  });
}

export const orderRoutes: ControlRoute[] = [
  { method: "POST", pattern: "/_sandbox/shops/:shopId/orders", handle: placeOne },
  { method: "POST", pattern: "/_sandbox/shops/:shopId/orders/bulk", handle: placeMany },
  {
    method: "GET",
    pattern: "/_sandbox/orders/:orderNumber",
    handle: (c) => withOrder(c.state, c.params.orderNumber, (o) => json(200, mallView(o))),
  },
  { method: "PATCH", pattern: "/_sandbox/orders/:orderNumber", handle: change },
  { method: "POST", pattern: "/_sandbox/orders/:orderNumber/pay", handle: pay },
  { method: "POST", pattern: "/_sandbox/orders/:orderNumber/cancel", handle: cancelFromMall },
];
