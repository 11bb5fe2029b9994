import { json, type Reply } from "./http-reply.ts";
import type { MallOrder } from "./order-record.ts";
import { RETRIEVABLE_MS, type RmsCall } from "./rms-call.ts";
import { isOrderProgress, settlementMethods } from "./rms-codes.ts";
import {
  emptyField,
  info,
  missingField,
  outOfRange,
  type Reader,
  type RmsMessage,
  reader,
} from "./rms-messages.ts";
import { DAY_MS, jstStartOfDay, parseRmsDatetime } from "./rms-time.ts";
import { shopOrders } from "./state.ts";

/**
 * searchOrder: order numbers of one shop whose chosen date falls in [start, end]. The limits are the
 * documented ones: a window of at most 63 days, starting at most 730 days back, 1,000 numbers a page,
 * and no hit past the 15,000th (totalRecordsAmount still tells how many there were, so a client can
 * see it must narrow the window).
 */

const FN = "SEARCH_ORDER";
const MAX_WINDOW_MS = 63 * DAY_MS;
const MAX_PAGE_SIZE = 1000;
const MAX_HITS = 15_000;

type DatesOf = (order: MallOrder) => Date[];
const one = (d: Date | null) => (d ? [d] : []);

/** dateType 1 注文日 … 6 決済確定日; 4 発送日 is a calendar date, one per shipping. */
const dateTypes: Record<number, DatesOf> = {
  1: (o) => [o.orderDatetime],
  2: (o) => one(o.shopOrderCfmDatetime),
  3: (o) => one(o.orderFixDatetime),
  4: (o) =>
    o.packages.flatMap((p) =>
      p.shippings.flatMap((s) => (s.shippingDate ? [jstStartOfDay(s.shippingDate)] : [])),
    ),
  5: (o) => one(o.shippingCmplRptDatetime),
  6: (o) => one(o.paymentFixDatetime),
};

const searchError = (errors: RmsMessage[]): Reply =>
  json(400, { orderNumberList: null, MessageModelList: errors, PaginationResponseModel: null });

function readDatetime(body: Record<string, unknown>, field: string, r: Reader): Date | undefined {
  const value = body[field];
  if (value === undefined || value === null) r.errors.push(missingField(FN, field));
  else if (value === "") r.errors.push(emptyField(FN, field));
  else {
    const date = typeof value === "string" ? parseRmsDatetime(value) : null;
    if (date) return date;
    r.reject(field);
  }
  return undefined;
}

function intList(
  value: unknown,
  field: string,
  r: Reader,
  valid: (n: number) => boolean,
): number[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value.map((v) => r.int(v, field)) : [Number.NaN];
  if (list.every((n): n is number => n !== undefined && valid(n))) return list;
  r.reject(field);
  return undefined;
}

type Paging = { size: number; page: number; descending: boolean };

function readPaging(value: unknown, r: Reader): Paging {
  const model = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const size = r.int(model.requestRecordsAmount, "requestRecordsAmount") ?? 30;
  const page = r.int(model.requestPage, "requestPage") ?? 1;
  if (size < 1 || size > MAX_PAGE_SIZE) {
    r.errors.push(outOfRange(FN, "requestRecordsAmountは1以上1000以下で指定して下さい。"));
  }
  if (page < 1) r.errors.push(outOfRange(FN, "requestPageは1以上で指定して下さい。"));
  const sorts = Array.isArray(model.SortModelList) ? model.SortModelList : [];
  let descending = false;
  sorts.forEach((sort: Record<string, unknown> | null, i) => {
    const column = r.int(sort?.sortColumn, "sortColumn");
    const direction = r.int(sort?.sortDirection, "sortDirection");
    if (column !== 1) r.reject("sortColumn");
    if (direction !== 1 && direction !== 2) r.reject("sortDirection");
    if (i === 0) descending = direction === 2;
  });
  return { size, page, descending };
}

export function searchOrder({ state, shop, body, now }: RmsCall): Reply {
  const r = reader(FN);
  const dateType = r.int(body.dateType, "dateType");
  if (dateType === undefined) r.errors.push(missingField(FN, "dateType"));
  else if (!(dateType in dateTypes)) r.reject("dateType");
  const start = readDatetime(body, "startDatetime", r);
  const end = readDatetime(body, "endDatetime", r);
  const progress = intList(body.orderProgressList, "orderProgressList", r, isOrderProgress);
  const orderTypes = intList(body.orderTypeList, "orderTypeList", r, (n) => [1, 4, 5, 6].includes(n));
  const settlementCode = r.int(body.settlementMethod, "settlementMethod");
  const noShippingDate = r.int(body.shippingDateBlankFlag, "shippingDateBlankFlag") === 1;
  const noShippingNumber = r.int(body.shippingNumberBlankFlag, "shippingNumberBlankFlag") === 1;
  const paging = readPaging(body.PaginationRequestModel, r);
  if (start && end) {
    if (end < start) r.errors.push(outOfRange(FN, "endDatetimeはstartDatetime以降の日時を指定して下さい。"));
    else if (end.getTime() - start.getTime() > MAX_WINDOW_MS) {
      r.errors.push(outOfRange(FN, "startDatetimeとendDatetimeの期間は63日以内で指定して下さい。"));
    }
    if (start.getTime() < now.getTime() - RETRIEVABLE_MS) {
      r.errors.push(outOfRange(FN, "startDatetimeは730日以内の日時を指定して下さい。"));
    }
  }
  const datesOf = dateType === undefined ? undefined : dateTypes[dateType];
  if (r.errors.length > 0 || !datesOf || !start || !end) return searchError(r.errors);

  const hits = shopOrders(state, shop).filter((o) => {
    if (progress && !progress.includes(o.orderProgress)) return false;
    if (orderTypes && !orderTypes.includes(o.orderType)) return false;
    if (settlementCode !== undefined && settlementMethods[o.settlement].code !== settlementCode) return false;
    const shippings = o.packages.flatMap((p) => p.shippings);
    if (noShippingDate && shippings.some((s) => s.shippingDate)) return false;
    if (noShippingNumber && shippings.some((s) => s.shippingNumber)) return false;
    // RMS keeps its datetimes to the second: an order placed at 12:00:00.5 is one of 12:00:00's.
    return datesOf(o).some((d) => {
      const second = Math.floor(d.getTime() / 1000) * 1000;
      return second >= start.getTime() && second <= end.getTime();
    });
  });
  if (hits.length === 0) {
    return json(200, {
      orderNumberList: [],
      MessageModelList: [info(FN, 102, "注文検索に成功しました。(検索結果０件)")],
      PaginationResponseModel: { totalRecordsAmount: null, totalPages: null, requestPage: null },
    });
  }
  const sign = paging.descending ? -1 : 1;
  hits.sort(
    (a, b) =>
      sign * (a.orderDatetime.getTime() - b.orderDatetime.getTime()) ||
      sign * a.orderNumber.localeCompare(b.orderNumber),
  );
  const reachable = hits.slice(0, MAX_HITS);
  const from = (paging.page - 1) * paging.size;
  return json(200, {
    orderNumberList: reachable.slice(from, from + paging.size).map((o) => o.orderNumber),
    MessageModelList: [info(FN, 101, "注文検索に成功しました。")],
    PaginationResponseModel: {
      totalRecordsAmount: hits.length,
      totalPages: Math.ceil(reachable.length / paging.size),
      requestPage: paging.page,
    },
  });
}
