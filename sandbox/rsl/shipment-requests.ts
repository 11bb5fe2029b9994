import { error, errors, json, notFound, type Reply, type RslError } from "./http-reply.ts";
import { addDays, jstDate, MINUTE_MS, plannedShipDay } from "./jst.ts";
import { schedule } from "./lifecycle.ts";
import { PREFECTURES } from "./prefectures.ts";
import { readShipmentInput, type ShipmentInput } from "./shipment-input.ts";
import type { Merchant, RslState, ShipmentRecord } from "./state.ts";
import { requestView } from "./views.ts";

/**
 * 出荷依頼, its status, and 出荷依頼取下げ. Each answer says whether an Idempotency-Key keeps it: what
 * RSL decided (accepted, rejected, withdrawn, refused) is replayed; a malformed call is not, so the
 * merchant can fix it and send it again under the same key.
 */

export type Handled = { reply: Reply; keep: boolean };

export type ApiCall = { state: RslState; merchant: Merchant; idempotencyKey: string | null; body: unknown };

const ACTIVE = new Set(["accepted", "picking", "shipped"]);

function businessProblems(merchant: Merchant, input: ShipmentInput): RslError[] {
  const found: RslError[] = [];
  if (!PREFECTURES.has(input.recipient.prefecture)) {
    found.push({ code: "E2002", field: "recipient.prefecture", message: "都道府県が正しくありません" });
  }
  for (const [i, line] of input.lines.entries()) {
    if (!merchant.autoRegisterProducts && !merchant.products.has(line.sku)) {
      found.push({ code: "E2001", field: `lines[${i}].sku`, message: "未登録の商品コードです" });
    }
  }
  const latest = merchant.bySlip.get(input.clientShipmentId);
  if (latest && ACTIVE.has(latest.status)) {
    found.push({ code: "E2003", field: "clientShipmentId", message: "同じ出荷番号の依頼が処理中です" });
  }
  return found;
}

export function createShipmentRequest({ state, merchant, idempotencyKey, body }: ApiCall): Handled {
  const input = readShipmentInput(body);
  if (!input.ok) return { reply: errors(400, input.errors), keep: false };
  const problems = businessProblems(merchant, input.value);
  if (problems.length > 0) return { reply: errors(422, problems), keep: true };

  const receivedAt = state.now();
  const own = plannedShipDay(receivedAt);
  // The merchant's 出荷希望日 later than RSL's own day (a product made to order) is kept: RSL waits for it.
  const asked = input.value.requestedShipDate;
  const plannedShipDate = asked !== null && asked > own.plannedShipDate ? asked : own.plannedShipDate;
  const sameDay = plannedShipDate === own.plannedShipDate && own.sameDay;
  // RSL cannot deliver before the day after it ships: such a date is dropped, the request kept.
  const wanted = input.value.deliveryDate;
  const deliveryDateCleared = wanted !== null && wanted < addDays(plannedShipDate, 1);
  const requestId = `RSL-${jstDate(receivedAt).replaceAll("-", "")}-${String(state.next.request++).padStart(6, "0")}`;
  const record: ShipmentRecord = {
    ...input.value,
    requestId,
    merchantId: merchant.merchantId,
    idempotencyKey: idempotencyKey ?? "",
    deliveryDate: deliveryDateCleared ? null : wanted,
    receivedAt,
    plannedShipDate,
    sameDay,
    deliveryDateCleared,
    status: "accepted",
    pickingAt: null,
    shippedAt: null,
    shippedOn: null,
    parcels: null,
    unshippable: null,
    withdrawnAt: null,
  };
  state.requests.set(requestId, record);
  merchant.bySlip.set(record.clientShipmentId, record);
  schedule(state, {
    at: receivedAt.getTime() + state.settings.pickingAfterMinutes * MINUTE_MS,
    requestId,
    from: "accepted",
  });
  return {
    reply: json(201, {
      requestId,
      status: "accepted",
      receivedAt: requestView(record).receivedAt,
      sameDay,
      plannedShipDate,
      deliveryDateCleared,
    }),
    keep: true,
  };
}

/** Another merchant's request is as unknown as one that never existed. */
export function findRequest(state: RslState, merchant: Merchant, requestId: string | undefined) {
  const record = requestId === undefined ? undefined : state.requests.get(requestId);
  return record && record.merchantId === merchant.merchantId ? record : undefined;
}

export function showShipmentRequest(call: ApiCall, requestId: string | undefined): Handled {
  const record = findRequest(call.state, call.merchant, requestId);
  return { reply: record ? json(200, requestView(record)) : notFound(), keep: false };
}

const REFUSALS = {
  picking: ["E4001", "ピッキング開始後のため取下げできません"],
  shipped: ["E4002", "出荷済みのため取下げできません"],
  unshippable: ["E4003", "出荷不可のため取下げは不要です"],
} as const;

export function withdrawShipmentRequest(call: ApiCall, requestId: string | undefined): Handled {
  const record = findRequest(call.state, call.merchant, requestId);
  if (!record) return { reply: notFound(), keep: false };
  if (record.status === "accepted") {
    record.status = "withdrawn";
    record.withdrawnAt = call.state.now();
  }
  if (record.status === "withdrawn") {
    return { reply: json(200, { requestId: record.requestId, status: "withdrawn" }), keep: true };
  }
  const [code, message] = REFUSALS[record.status];
  return { reply: error(409, code, message), keep: true };
}
