import { readOrderNumbers, visibleOrder } from "./get-order.ts";
import { json, type Reply } from "./http-reply.ts";
import { confirmAtMall } from "./mall-progress.ts";
import { type MallOrder, UNDETERMINED } from "./order-record.ts";
import type { RmsCall } from "./rms-call.ts";
import { error, info, type RmsMessage } from "./rms-messages.ts";

/**
 * confirmOrder (注文確認): 100 → 200 for each number, one message per number. A request that is
 * itself valid answers HTTP 200 even when some orders were refused — their ERROR messages carry the
 * order number, so a client must read every message. 注文確認 cannot be undone or repeated.
 */

const FN = "CONFIRM_ORDER";

function refusal(order: MallOrder, orderNumber: string): RmsMessage | undefined {
  const at = { orderNumber };
  if (order.orderProgress === 800 || order.orderProgress === 900) {
    return error(FN, 102, "指定された注文番号は既にキャンセルされているため、注文確認できませんでした。", at);
  }
  if (order.orderProgress !== 100) {
    return error(FN, 103, "指定された注文番号は既に注文確認済みのため、注文確認できませんでした。", at);
  }
  if (order.amounts.postagePrice === UNDETERMINED) {
    return error(FN, 105, "送料が未確定のため、注文確認できませんでした。送料を確定してください。", at);
  }
  return undefined;
}

export function confirmOrder(call: RmsCall): Reply {
  const errors: RmsMessage[] = [];
  const numbers = readOrderNumbers(FN, call.body.orderNumberList, errors);
  if (!numbers) return json(400, { MessageModelList: errors });
  const messages = numbers.map((n) => {
    const order = visibleOrder(call, n);
    if (!order)
      return error(FN, 101, "指定された注文番号の受注情報が取得できませんでした。", { orderNumber: n });
    const refused = refusal(order, n);
    if (refused) return refused;
    confirmAtMall(call.state, order, call.now);
    return info(FN, 101, "注文確認に成功しました。", { orderNumber: n });
  });
  return json(200, { MessageModelList: messages });
}
