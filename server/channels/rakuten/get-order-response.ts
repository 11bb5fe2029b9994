import { z } from "zod";
import type { ShopMasters } from "#server/domain/mall-masters.ts";
import { MallError, type MallOrder } from "#server/ports/mall.ts";
import { mapRakutenOrder } from "./mapping.ts";
import { getOrderResponse } from "./order-model.ts";

/** A message RMS sent with messageType ERROR (or WARNING). */
export type RakutenErrorMessage = { code: string; message: string; orderNumber: string | null };

export type ParsedGetOrder = {
  orders: MallOrder[];
  /** Numbers RMS answered ORDER_EXT_API_GET_ORDER_INFO_102 for (受注情報が取得できませんでした). */
  notFound: string[];
  /**
   * Any ERROR message makes the whole response a failure, whatever the HTTP status: then `orders`
   * and `notFound` are empty and the caller must not import anything from it.
   */
  errors: RakutenErrorMessage[];
  /**
   * WARNING messages (e.g. ORDER_EXT_API_GET_ORDER_WARNING_101): the call succeeded, so they fail
   * nothing; each order keeps those naming it, and those naming no order, in mallWarnings.
   */
  warnings: RakutenErrorMessage[];
};

export const NOT_FOUND_CODE = "ORDER_EXT_API_GET_ORDER_INFO_102";

/** Issues in Japanese first (the English ones are added beside them); the global zod config stays as is. */
const japanese = z.locales.ja().localeError;

/** The payload is not a getOrder response at all: a contract break, not something a retry fixes. */
export class RakutenResponseError extends MallError {
  readonly issues: { path: string; message: string }[];

  constructor(issues: { path: string; message: string }[], cause: unknown) {
    const lines = issues.map((i) => `  ${i.path || "(全体 / root)"}: ${i.message}`);
    super(
      "rakuten.invalid_response",
      ["楽天 getOrder の応答として読めません (not a Rakuten getOrder response):", ...lines].join("\n"),
      { retryable: false, cause },
    );
    this.name = "RakutenResponseError";
    this.issues = issues;
  }
}

function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
}

/** Reads a getOrder (or getOrderItem) response body; throws RakutenResponseError when it is none. */
export function parseGetOrderResponse(json: unknown, masters?: ShopMasters): ParsedGetOrder {
  const parsed = getOrderResponse.safeParse(json, { error: japanese });
  if (!parsed.success) {
    const english = getOrderResponse.safeParse(json).error?.issues ?? [];
    const issues = parsed.error.issues.map((issue, i) => {
      const en = english[i]?.message;
      return {
        path: issuePath(issue.path),
        message: en && en !== issue.message ? `${issue.message} / ${en}` : issue.message,
      };
    });
    throw new RakutenResponseError(issues, parsed.error);
  }
  const response = parsed.data;
  const ofType = (type: string) =>
    response.MessageModelList.filter((m) => m.messageType === type).map((m) => ({
      code: m.messageCode,
      message: m.message ?? "",
      orderNumber: m.orderNumber ?? null,
    }));
  const errors = ofType("ERROR");
  const warnings = ofType("WARNING");
  if (errors.length > 0) return { orders: [], notFound: [], errors, warnings };
  const notFound = response.MessageModelList.flatMap((m) =>
    m.messageCode === NOT_FOUND_CODE && m.orderNumber ? [m.orderNumber] : [],
  );
  const orders = (response.OrderModelList ?? []).map((model) => {
    const order = mapRakutenOrder(model, response.version, masters);
    const own = warnings.filter((w) => w.orderNumber === null || w.orderNumber === model.orderNumber);
    return own.length === 0 ? order : { ...order, mallWarnings: own.map((w) => `${w.code}: ${w.message}`) };
  });
  return { orders, notFound, errors, warnings };
}
