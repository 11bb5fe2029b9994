import { json, type Reply } from "./http-reply.ts";
import { NEWEST_VERSION, OLDEST_VERSION, presentOrderModel } from "./order-model.ts";
import type { MallOrder } from "./order-record.ts";
import { RETRIEVABLE_MS, type RmsCall } from "./rms-call.ts";
import {
  badFormat,
  info,
  missingField,
  outOfRange,
  type RmsMessage,
  reader,
  warning,
} from "./rms-messages.ts";

/**
 * getOrder: up to 100 orders of the calling shop, in the shape of the requested `version`. A number
 * the shop cannot see (unknown, another shop's, older than 730 days) is not an error: it comes back
 * as an INFO_102 naming it, with HTTP 200.
 */

const FN = "GET_ORDER";
const MAX_NUMBERS = 100;

const getError = (errors: RmsMessage[]): Reply => json(400, { MessageModelList: errors, OrderModelList: [] });

/** orderNumberList as confirmOrder and getOrder take it: 1–100 strings. */
export function readOrderNumbers(
  fn: "GET_ORDER" | "CONFIRM_ORDER",
  value: unknown,
  errors: RmsMessage[],
): string[] | undefined {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    errors.push(missingField(fn, "orderNumberList"));
    return undefined;
  }
  if (!Array.isArray(value) || !value.every((n) => typeof n === "string" && n !== "")) {
    errors.push(badFormat(fn, "orderNumberList"));
    return undefined;
  }
  if (value.length > MAX_NUMBERS) {
    errors.push(outOfRange(fn, "orderNumberListは100件以内で指定してください。"));
    return undefined;
  }
  return [...new Set(value as string[])];
}

export function visibleOrder(call: RmsCall, orderNumber: string): MallOrder | undefined {
  const order = call.state.orders.get(orderNumber);
  if (!order || order.shopId !== call.shop.shopId) return undefined;
  if (order.orderDatetime.getTime() < call.now.getTime() - RETRIEVABLE_MS) return undefined;
  return order;
}

export function getOrder(call: RmsCall): Reply {
  const r = reader(FN);
  const numbers = readOrderNumbers(FN, call.body.orderNumberList, r.errors);
  const version = r.int(call.body.version, "version");
  if (version === undefined) r.errors.push(missingField(FN, "version"));
  else if (version < OLDEST_VERSION || version > NEWEST_VERSION) r.reject("version");
  if (r.errors.length > 0 || !numbers || version === undefined) return getError(r.errors);

  const found: MallOrder[] = [];
  const missing: RmsMessage[] = [];
  for (const n of numbers) {
    const order = visibleOrder(call, n);
    if (order) found.push(order);
    else missing.push(info(FN, 102, "受注情報が取得できませんでした。", { orderNumber: n }));
  }
  const warnings = found.flatMap((o) =>
    o.warning === null ? [] : [warning(FN, 101, o.warning, { orderNumber: o.orderNumber })],
  );
  const messages =
    found.length > 0
      ? [info(FN, 101, `受注情報取得に成功しました。(取得件数${found.length}件)`), ...warnings, ...missing]
      : missing;
  const body: Record<string, unknown> = {
    MessageModelList: messages,
    OrderModelList: found.map((o) => presentOrderModel(o, version)),
  };
  // The response carries `version` since version 6.
  if (version >= 6) body.version = version;
  return json(200, body);
}
