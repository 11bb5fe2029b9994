import type { ChangeReason, MallOrder } from "./order-record.ts";
import { changeReasonOf, settlementMethods } from "./rms-codes.ts";
import { type MallState, stockKey } from "./state.ts";

/**
 * The steps an order takes at the mall, whoever triggers them. Rakuten moves 200 → 300 once payment
 * is secured and 800 → 900 once a cancel is settled; the sandbox does that after a configurable delay
 * measured on its own clock, applied lazily (advanceMall) at the start of every request, so a test
 * moves the clock instead of sleeping.
 */

function note(
  order: MallOrder,
  at: Date,
  by: "rms" | "mall",
  event: string,
  detail?: Record<string, unknown>,
) {
  order.history.push(detail === undefined ? { at, by, event } : { at, by, event, detail });
}

function addChange(state: MallState, order: MallOrder, change: Omit<ChangeReason, "changeId">): ChangeReason {
  const entry = { changeId: state.next.changeId++, ...change };
  order.changeReasons.push(entry);
  return entry;
}

function schedule(state: MallState, order: MallOrder, step: "fix" | "cancel_fix", delayMs: number, at: Date) {
  state.due = state.due.filter((d) => d.orderNumber !== order.orderNumber);
  state.due.push({ orderNumber: order.orderNumber, step, dueAt: at.getTime() + delayMs });
}

/** 200 → 300: payment is secured; Rakuten sends the 発送指示 at the same instant. */
function fixOrder(order: MallOrder, at: Date) {
  if (order.orderProgress !== 200) return;
  order.orderProgress = 300;
  order.orderFixDatetime = at;
  order.shippingInstDatetime = at;
  if (order.paymentFixDatetime === null && order.settlement !== "cod") order.paymentFixDatetime = at;
  note(order, at, "mall", "fixed");
}

const waitsForPayment = (order: MallOrder) =>
  settlementMethods[order.settlement].prepaid && order.paidAt === null;

function fixNowOrLater(state: MallState, order: MallOrder, at: Date) {
  if (waitsForPayment(order)) return;
  if (state.settings.orderFixDelayMs === 0) fixOrder(order, at);
  else schedule(state, order, "fix", state.settings.orderFixDelayMs, at);
}

/** 注文確認 (confirmOrder): 100 → 200, recorded as a ChangeReasonModel of changeType 8. */
export function confirmAtMall(state: MallState, order: MallOrder, at: Date): void {
  order.orderProgress = 200;
  order.shopOrderCfmDatetime = at;
  addChange(state, order, {
    changeType: 8,
    changeTypeDetail: null,
    changeReason: null,
    changeReasonDetail: null,
    changeApplyDatetime: at,
    changeFixDatetime: at,
    changeCmplDatetime: at,
  });
  note(order, at, "rms", "confirmed");
  fixNowOrLater(state, order, at);
}

/** The buyer's prepayment (前払い) arrives. At 100 it only marks the order paid. */
export function recordPayment(state: MallState, order: MallOrder, at: Date): void {
  order.paidAt = at;
  order.paymentFixDatetime = at;
  note(order, at, "mall", "paid");
  if (order.orderProgress === 200) fixNowOrLater(state, order, at);
}

function returnStock(state: MallState, order: MallOrder, at: Date) {
  if (!order.restoreStockOnCancel) return;
  const shop = state.shops.get(order.shopId);
  for (const item of order.packages.flatMap((p) => p.items)) {
    const record = item.sku && shop?.stock.get(stockKey(item.manageNumber, item.sku.variantId));
    if (!record) continue;
    record.quantity = Math.min(99_999, record.quantity + item.units);
    record.updated = at;
  }
}

function settleCancel(state: MallState, order: MallOrder, at: Date, detail?: Record<string, unknown>) {
  if (order.orderProgress !== 800) return;
  order.orderProgress = 900;
  const change = order.changeReasons.findLast((c) => c.changeType === 0 && c.changeFixDatetime === null);
  if (change) Object.assign(change, { changeType: 1, changeFixDatetime: at, changeCmplDatetime: at });
  returnStock(state, order, at);
  note(order, at, "mall", "cancelled", detail);
}

const cancelApplication = (reason: number, at: Date): Omit<ChangeReason, "changeId"> => ({
  changeType: 0,
  changeTypeDetail: null,
  changeReason: changeReasonOf(reason),
  changeReasonDetail: reason,
  changeApplyDatetime: at,
  changeFixDatetime: null,
  changeCmplDatetime: null,
});

/** cancelOrder by the shop: a キャンセル申請 (800) that the mall settles into 900. */
export function requestCancel(
  state: MallState,
  order: MallOrder,
  input: { reason: number; restoreStock: boolean },
  at: Date,
): void {
  order.orderProgress = 800;
  order.restoreStockOnCancel = input.restoreStock;
  state.due = state.due.filter((d) => d.orderNumber !== order.orderNumber);
  addChange(state, order, cancelApplication(input.reason, at));
  note(order, at, "rms", "cancel_requested", { reason: input.reason });
  if (state.settings.cancelFixDelayMs === 0) settleCancel(state, order, at);
  else schedule(state, order, "cancel_fix", state.settings.cancelFixDelayMs, at);
}

/** A cancel decided at the mall (buyer via R-Messe, unpaid prepayment, Rakuten): straight to 900. */
export function cancelAtMall(
  state: MallState,
  order: MallOrder,
  input: { reason: number; restoreStock: boolean },
  at: Date,
): void {
  state.due = state.due.filter((d) => d.orderNumber !== order.orderNumber);
  order.orderProgress = 800;
  order.restoreStockOnCancel = input.restoreStock;
  addChange(state, order, cancelApplication(input.reason, at));
  settleCancel(state, order, at, { reason: input.reason });
}

/** 発送済 (500) exactly while every package has a shipping with a 発送日; 発送完了報告日時 marks it. */
export function refreshShipped(order: MallOrder, at: Date): void {
  const allShipped = order.packages.every((p) => p.shippings.some((s) => s.shippingDate !== null));
  if (order.orderProgress === 300 && allShipped) {
    order.orderProgress = 500;
    order.shippingCmplRptDatetime = at;
    note(order, at, "rms", "shipped");
  } else if (order.orderProgress === 500 && !allShipped) {
    order.orderProgress = 300;
    order.shippingCmplRptDatetime = null;
    note(order, at, "rms", "shipment_withdrawn");
  }
}

export const hasShippingDate = (order: MallOrder) =>
  order.packages.some((p) => p.shippings.some((s) => s.shippingDate !== null));

/** Take every step that has fallen due on the mall's clock. */
export function advanceMall(state: MallState): void {
  if (state.due.length === 0) return;
  const now = state.now();
  const due = state.due.filter((d) => d.dueAt <= now.getTime()).sort((a, b) => a.dueAt - b.dueAt);
  if (due.length === 0) return;
  state.due = state.due.filter((d) => d.dueAt > now.getTime());
  for (const step of due) {
    const order = state.orders.get(step.orderNumber);
    if (!order) continue;
    const at = new Date(step.dueAt);
    if (step.step === "fix") fixOrder(order, at);
    else settleCancel(state, order, at);
  }
}
