import { visibleOrder } from "./get-order.ts";
import { json, type Reply } from "./http-reply.ts";
import { refreshShipped } from "./mall-progress.ts";
import type { MallOrder, OrderPackage } from "./order-record.ts";
import type { RmsCall } from "./rms-call.ts";
import { deliveryCompanies } from "./rms-codes.ts";
import {
  error,
  info,
  missingField,
  outOfRange,
  type Reader,
  type RmsMessage,
  reader,
} from "./rms-messages.ts";
import { isCalendarDate } from "./rms-time.ts";

/**
 * updateOrderShipping (発送完了報告): add, update or delete ShippingModels of one order's packages.
 * No shippingDetailId = add (the answer carries the new id), an id = update (omitted field unchanged,
 * "" clears), shippingDeleteFlag 1 = delete. dataNumber is the entry's 1-based position across the
 * whole request. Nothing is applied unless every entry is valid. The order is 500 発送済 while every
 * package has a shipping with a 発送日.
 */

const FN = "UPDATE_ORDERSHIPPING";
const MAX_PER_BASKET = 20;
const NO_ENTRY = { dataNumber: null, shippingDetailId: null };

type Entry = {
  dataNumber: number;
  shippingDetailId: number | undefined;
  deliveryCompany: string | undefined;
  shippingNumber: string | null | undefined;
  shippingDate: string | null | undefined;
  remove: boolean;
};

type Basket = { basketId: number; entries: Entry[] };

const refuse = (messages: RmsMessage[]): Reply => json(400, { MessageModelList: messages });

function readEntry(raw: Record<string, unknown>, dataNumber: number, r: Reader): Entry {
  const givenId = r.int(raw.shippingDetailId, "shippingDetailId", { dataNumber, shippingDetailId: null });
  const at = { dataNumber, shippingDetailId: givenId ?? null };
  const entry: Entry = {
    dataNumber,
    shippingDetailId: givenId,
    deliveryCompany: undefined,
    shippingNumber: undefined,
    shippingDate: undefined,
    remove: false,
  };
  const company = raw.deliveryCompany;
  if (company !== undefined && company !== null) {
    // The code, as a string ("1001"); a JSON number is tolerated, a carrier's name is not.
    const code = typeof company === "number" ? String(company) : company;
    if (typeof code === "string" && code in deliveryCompanies) entry.deliveryCompany = code;
    else r.reject("deliveryCompany", at);
  } else if (givenId === undefined) r.errors.push(missingField(FN, "deliveryCompany", at));
  const number = raw.shippingNumber;
  if (number === "") entry.shippingNumber = null;
  else if (typeof number === "string" && [...number].length <= 120 && !/\p{Cc}/u.test(number)) {
    entry.shippingNumber = number;
  } else if (number !== undefined && number !== null) r.reject("shippingNumber", at);
  const date = raw.shippingDate;
  if (date === "") entry.shippingDate = null;
  else if (typeof date === "string" && isCalendarDate(date)) entry.shippingDate = date;
  else if (date !== undefined && date !== null) r.reject("shippingDate", at);
  const flag = r.int(raw.shippingDeleteFlag, "shippingDeleteFlag", at);
  if (flag !== undefined && flag !== 0 && flag !== 1) r.reject("shippingDeleteFlag", at);
  entry.remove = flag === 1;
  if (entry.remove && givenId === undefined) r.errors.push(missingField(FN, "shippingDetailId", at));
  return entry;
}

function readBaskets(value: unknown, r: Reader): Basket[] {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    r.errors.push(missingField(FN, "BasketidModelList", NO_ENTRY));
    return [];
  }
  if (!Array.isArray(value)) {
    r.reject("BasketidModelList", NO_ENTRY);
    return [];
  }
  let dataNumber = 0;
  return value.map((raw: Record<string, unknown> | null) => {
    const basketId = r.int(raw?.basketId, "basketId", NO_ENTRY);
    if (basketId === undefined) r.errors.push(missingField(FN, "basketId", NO_ENTRY));
    const list = raw?.ShippingModelList;
    if (!Array.isArray(list) || list.length === 0) {
      if (list === undefined || list === null || Array.isArray(list)) {
        r.errors.push(missingField(FN, "ShippingModelList", NO_ENTRY));
      } else r.reject("ShippingModelList", NO_ENTRY);
      return { basketId: basketId ?? Number.NaN, entries: [] };
    }
    if (list.length > MAX_PER_BASKET) {
      r.errors.push(outOfRange(FN, "ShippingModelListは1送付先につき20件以内で指定してください。", NO_ENTRY));
    }
    const entries = list.map((s: unknown) => {
      dataNumber += 1;
      const object = s !== null && typeof s === "object" ? (s as Record<string, unknown>) : {};
      return readEntry(object, dataNumber, r);
    });
    return { basketId: basketId ?? Number.NaN, entries };
  });
}

/** Refusals that depend on what the mall holds, checked before anything changes. */
function checkAgainstOrder(order: MallOrder, baskets: Basket[]): RmsMessage[] {
  if (order.orderProgress === 800 || order.orderProgress === 900) {
    const message =
      "指定された注文番号は既にキャンセルされているため、発送完了報告が出来る状態ではありませんでした。";
    return [error(FN, 102, message, NO_ENTRY)];
  }
  if (order.orderProgress < 300) {
    const message =
      "指定された注文番号は発送待ちではないため、発送完了報告が出来る状態ではありませんでした。";
    return [error(FN, 106, message, NO_ENTRY)];
  }
  const problems: RmsMessage[] = [];
  for (const basket of baskets) {
    const pkg = order.packages.find((p) => p.basketId === basket.basketId);
    if (!pkg) {
      problems.push(error(FN, 103, `指定されたbasketId(${basket.basketId})は存在しません。`, NO_ENTRY));
      continue;
    }
    let count = pkg.shippings.length;
    for (const e of basket.entries) {
      if (e.shippingDetailId === undefined) count += 1;
      else if (!pkg.shippings.some((s) => s.shippingDetailId === e.shippingDetailId)) {
        const at = { dataNumber: e.dataNumber, shippingDetailId: e.shippingDetailId };
        problems.push(error(FN, 104, "指定されたshippingDetailIdは存在しません。", at));
      } else if (e.remove) count -= 1;
    }
    if (count > MAX_PER_BASKET) {
      problems.push(outOfRange(FN, "発送情報は1送付先につき20件までしか登録できません。", NO_ENTRY));
    }
  }
  return problems;
}

function apply(call: RmsCall, pkg: OrderPackage, e: Entry): RmsMessage {
  if (e.shippingDetailId === undefined) {
    const shippingDetailId = call.state.next.shippingDetailId++;
    pkg.shippings.push({
      shippingDetailId,
      shippingNumber: e.shippingNumber ?? null,
      deliveryCompany: e.deliveryCompany ?? null,
      shippingDate: e.shippingDate ?? null,
    });
    return info(FN, 101, "発送情報の追加設定が完了しました。", {
      dataNumber: e.dataNumber,
      shippingDetailId,
    });
  }
  const at = { dataNumber: e.dataNumber, shippingDetailId: e.shippingDetailId };
  const index = pkg.shippings.findIndex((s) => s.shippingDetailId === e.shippingDetailId);
  if (e.remove) {
    pkg.shippings.splice(index, 1);
    return info(FN, 103, "発送情報の削除設定が完了しました。", at);
  }
  const shipping = pkg.shippings[index];
  if (shipping) {
    if (e.deliveryCompany !== undefined) shipping.deliveryCompany = e.deliveryCompany;
    if (e.shippingNumber !== undefined) shipping.shippingNumber = e.shippingNumber;
    if (e.shippingDate !== undefined) shipping.shippingDate = e.shippingDate;
  }
  return info(FN, 102, "発送情報の更新設定が完了しました。", at);
}

export function updateOrderShipping(call: RmsCall): Reply {
  const r = reader(FN);
  const orderNumber = call.body.orderNumber;
  if (orderNumber === undefined || orderNumber === null || orderNumber === "") {
    r.errors.push(missingField(FN, "orderNumber", NO_ENTRY));
  } else if (typeof orderNumber !== "string") r.reject("orderNumber", NO_ENTRY);
  const baskets = readBaskets(call.body.BasketidModelList, r);
  if (r.errors.length > 0 || typeof orderNumber !== "string") return refuse(r.errors);

  const order = visibleOrder(call, orderNumber);
  if (!order)
    return refuse([error(FN, 101, "指定された注文番号の受注情報が取得できませんでした。", NO_ENTRY)]);
  const problems = checkAgainstOrder(order, baskets);
  if (problems.length > 0) return refuse(problems);

  const messages = baskets.flatMap((basket) => {
    const pkg = order.packages.find((p) => p.basketId === basket.basketId);
    return pkg ? basket.entries.map((e) => apply(call, pkg, e)) : [];
  });
  order.history.push({
    at: call.now,
    by: "rms",
    event: "shipping_updated",
    detail: { entries: messages.length },
  });
  refreshShipped(order, call.now);
  return json(200, { MessageModelList: messages });
}
