import { visibleOrder } from "./get-order.ts";
import { json, type Reply } from "./http-reply.ts";
import { hasShippingDate, requestCancel } from "./mall-progress.ts";
import type { RmsCall } from "./rms-call.ts";
import { shopCancelReasons } from "./rms-codes.ts";
import { error, info, missingField, reader } from "./rms-messages.ts";

/**
 * cancelOrder: the shop asks Rakuten to cancel one order before it ships. Only 100/200/300, and only
 * while no 発送日 is registered (the shop must delete it first). Success is a キャンセル申請: the order
 * goes to 800 キャンセル確定待ち and the mall settles it into 900.
 */

const FN = "CANCEL_ORDER";

export function cancelOrder(call: RmsCall): Reply {
  const r = reader(FN);
  const orderNumber = call.body.orderNumber;
  if (orderNumber === undefined || orderNumber === null || orderNumber === "") {
    r.errors.push(missingField(FN, "orderNumber"));
  } else if (typeof orderNumber !== "string") r.reject("orderNumber");
  const restore = r.int(call.body.inventoryRestoreType, "inventoryRestoreType");
  if (restore === undefined) r.errors.push(missingField(FN, "inventoryRestoreType"));
  else if (![0, 1, 2].includes(restore)) r.reject("inventoryRestoreType");
  const reason = r.int(call.body.changeReasonDetailApply, "changeReasonDetailApply");
  if (reason === undefined) r.errors.push(missingField(FN, "changeReasonDetailApply"));
  else if (!(shopCancelReasons as readonly number[]).includes(reason)) r.reject("changeReasonDetailApply");
  if (
    r.errors.length > 0 ||
    typeof orderNumber !== "string" ||
    restore === undefined ||
    reason === undefined
  ) {
    return json(400, { MessageModelList: r.errors });
  }

  const at = { orderNumber };
  const order = visibleOrder(call, orderNumber);
  if (!order) {
    return json(400, {
      MessageModelList: [error(FN, 101, "指定された注文番号の受注情報が取得できませんでした。", at)],
    });
  }
  if (![100, 200, 300].includes(order.orderProgress)) {
    const message = "指定された注文番号はキャンセル申請できるステータスではありませんでした。";
    return json(400, { MessageModelList: [error(FN, 102, message, at)] });
  }
  if (hasShippingDate(order)) {
    const message =
      "発送日が登録されているため、キャンセル申請できませんでした。発送日を削除してから実行してください。";
    return json(400, { MessageModelList: [error(FN, 103, message, at)] });
  }
  requestCancel(call.state, order, { reason, restoreStock: restore !== 2 }, call.now);
  return json(200, { MessageModelList: [info(FN, 101, "キャンセル申請に成功しました。", at)] });
}
