import { type ShipTo, sameAddress, shipToOf } from "./address.ts";
import type { MallReflection } from "./order-edit-mall.ts";
import type { OrderStatus, ShippingStatus } from "./order-status.ts";
import { PAYMENT_METHODS, type PaymentMethod } from "./payment.ts";
import { Refusal } from "./refusal.ts";
import { SHIPPING_SERVICE_LABELS, type ShippingService } from "./shipping-service.ts";

/** 受注修正: the parts of an order a person may change before the warehouse has it. */
export type OrderEditPart = "shipTo" | "items" | "amounts" | "paymentMethod" | "shippingService";

type Rule = { rule: string; detail: string } | null;

/**
 * Which statuses take an edit, and the rule that says no otherwise. Once the warehouse has the
 * request (出荷作業中) the parcel is being packed from what was sent: the request must be withdrawn first.
 */
export const ORDER_EDIT_RULES = {
  new: null,
  awaiting_confirmation: null,
  confirmed: null,
  awaiting_shipment: null,
  shipping: {
    rule: "shipment_requested",
    detail:
      "出荷作業中の注文は編集できません。倉庫へ出荷依頼済みです。出荷依頼を取り下げてから編集してください。",
  },
  shipped: { rule: "already_shipped", detail: "出荷済みの注文は編集できません。" },
  completed: { rule: "already_shipped", detail: "出荷済みの注文は編集できません。" },
  cancelled: { rule: "order_cancelled", detail: "キャンセルされた注文は編集できません。" },
} as const satisfies Record<OrderStatus, Rule>;

/** The order as an edit needs it: what it may change and what decides whether it may. */
export type EditableOrder = {
  status: OrderStatus;
  deletedAt: Date | null;
  version: number;
  shipTo: unknown;
  paymentMethod: string;
  subtotal: number;
  shippingFee: number | null;
  fees: number | null;
  couponDiscount: number;
  pointsUsed: number;
  total: number | null;
  items: readonly EditableLine[];
  shipments: readonly { id: string; status: ShippingStatus; shippingService: string | null }[];
};

export type EditableLine = {
  id: string;
  mallItemCode: string;
  mallSkuCode: string;
  name: string;
  unitPrice: number;
  quantity: number;
};

export type NewLine = Omit<EditableLine, "id">;

export type OrderEdit = {
  /** The version the person edited from: another edit saved meanwhile refuses this one. */
  version: number;
  shipTo?: ShipTo | undefined;
  /** The whole list of lines after the edit: a line with an id keeps it (its quantity may change), one without is added, a line left out is removed. */
  items?: readonly (({ id: string } & Partial<NewLine>) | ({ id?: undefined } & NewLine))[] | undefined;
  amounts?:
    | { shippingFee?: number | undefined; fees?: number | undefined; couponDiscount?: number | undefined }
    | undefined;
  paymentMethod?: PaymentMethod | undefined;
  shippingService?: ShippingService | null | undefined;
};

/** What the edit changes, for the use case to write, and its timeline entries. */
export type EditPlan = {
  set: {
    shipTo?: ShipTo;
    paymentMethod?: string;
    subtotal?: number;
    shippingFee?: number;
    fees?: number;
    couponDiscount?: number;
    total?: number | null;
  };
  /** Shop coupons move with 値引き: the merchant's own discount, never the mall's. */
  couponDelta: number;
  items: { update: { id: string; quantity: number }[]; add: NewLine[]; remove: string[] };
  shippingService?: ShippingService | null;
  /** The lines changed: the stock held must be taken again. */
  reallocate: boolean;
  changes: { field: string; label: string; before: string; after: string }[];
};

const yen = (n: number | null) => (n === null ? "未確定" : `${n.toLocaleString("ja-JP")}円`);
const addressText = (a: unknown) => {
  const r = (a ?? {}) as Partial<ShipTo>;
  return `${r.name ?? ""} 〒${r.postalCode ?? ""} ${r.prefecture ?? ""}${r.address1 ?? ""}${r.address2 ? ` ${r.address2}` : ""} ${r.phone ?? ""}`.trim();
};

/** The rule refusing any edit of this order now, or null. */
export function editRefusal(order: {
  status: OrderStatus;
  deletedAt: Date | null;
  shipments: readonly { status: ShippingStatus }[];
}): Refusal | null {
  const refuse = (rule: string, detail: string) => new Refusal("order.edit_not_allowed", detail, { rule });
  if (order.deletedAt) return refuse("order_deleted", "削除済みの注文は編集できません。");
  const byStatus = ORDER_EDIT_RULES[order.status];
  if (byStatus) return refuse(byStatus.rule, byStatus.detail);
  // One parcel already at the warehouse is packed from what was sent, whatever the order's status says.
  if (order.shipments.some((s) => s.status === "shipping" || s.status === "shipped")) {
    return refuse(ORDER_EDIT_RULES.shipping.rule, ORDER_EDIT_RULES.shipping.detail);
  }
  return null;
}

/** 請求金額: null while any part of it is undetermined. */
export function billedTotal(a: {
  subtotal: number;
  shippingFee: number | null;
  fees: number | null;
  couponDiscount: number;
  pointsUsed: number;
}): number | null {
  if (a.shippingFee === null || a.fees === null) return null;
  return a.subtotal + a.shippingFee + a.fees - a.couponDiscount - a.pointsUsed;
}

/** Decides an edit: what changes (with before → after in words), or the rule refusing it, naming the field. */
export function planOrderEdit(order: EditableOrder, edit: OrderEdit): EditPlan | Refusal {
  const refusal = editRefusal(order);
  if (refusal) return refusal;
  if (edit.version !== order.version) {
    return new Refusal(
      "order.edit_conflict",
      "この注文は他の操作で更新されました。最新の内容を読み込んでから、もう一度編集してください。",
      { rule: "stale_version", errors: [{ path: "version", message: `最新の版は ${order.version} です` }] },
    );
  }
  const plan: EditPlan = {
    set: {},
    couponDelta: 0,
    items: { update: [], add: [], remove: [] },
    reallocate: false,
    changes: [],
  };
  const invalid = (path: string, message: string) =>
    new Refusal("validation.failed", `${message}。`, { rule: "invalid_edit", errors: [{ path, message }] });

  if (edit.shipTo && !sameAddress(edit.shipTo, order.shipTo)) {
    if (order.shipments.filter((s) => s.status !== "cancelled").length > 1) {
      return new Refusal(
        "order.edit_not_allowed",
        "送付先が複数ある注文の送付先は、出荷ごとに変更してください。",
        { rule: "several_ship_tos", errors: [{ path: "shipTo", message: "送付先が複数あります" }] },
      );
    }
    plan.set.shipTo = shipToOf(edit.shipTo);
    plan.changes.push({
      field: "shipTo",
      label: "送付先",
      before: addressText(order.shipTo),
      after: addressText(plan.set.shipTo),
    });
  }

  let subtotal = order.subtotal;
  if (edit.items) {
    const kept = new Set<string>();
    for (const [index, line] of edit.items.entries()) {
      if (line.id === undefined) {
        plan.items.add.push(line);
        plan.changes.push({
          field: `items.${index}`,
          label: "明細追加",
          before: "—",
          after: `${line.name} × ${line.quantity}`,
        });
        continue;
      }
      const old = order.items.find((i) => i.id === line.id);
      if (!old) return invalid(`items.${index}.id`, "この注文にない明細です");
      if (kept.has(line.id)) return invalid(`items.${index}.id`, "同じ明細が2回指定されています");
      kept.add(line.id);
      const quantity = line.quantity ?? old.quantity;
      if (quantity !== old.quantity) {
        plan.items.update.push({ id: old.id, quantity });
        plan.changes.push({
          field: `items.${index}.quantity`,
          label: `数量(${old.name})`,
          before: String(old.quantity),
          after: String(quantity),
        });
      }
    }
    for (const old of order.items) {
      if (kept.has(old.id)) continue;
      plan.items.remove.push(old.id);
      plan.changes.push({
        field: "items",
        label: "明細削除",
        before: `${old.name} × ${old.quantity}`,
        after: "—",
      });
    }
    if (edit.items.length === 0) return invalid("items", "明細を1行以上残してください");
    plan.reallocate = plan.items.update.length + plan.items.add.length + plan.items.remove.length > 0;
    subtotal =
      order.items
        .filter((i) => kept.has(i.id))
        .reduce(
          (sum, i) =>
            sum + i.unitPrice * (plan.items.update.find((u) => u.id === i.id)?.quantity ?? i.quantity),
          0,
        ) + plan.items.add.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
    if (subtotal !== order.subtotal) {
      plan.set.subtotal = subtotal;
      plan.changes.push({
        field: "subtotal",
        label: "商品合計",
        before: yen(order.subtotal),
        after: yen(subtotal),
      });
    }
  }

  const amounts = { shippingFee: order.shippingFee, fees: order.fees, couponDiscount: order.couponDiscount };
  const labels = { shippingFee: "送料", fees: "手数料", couponDiscount: "値引き" } as const;
  for (const field of ["shippingFee", "fees", "couponDiscount"] as const) {
    const value = edit.amounts?.[field];
    if (value === undefined || value === order[field]) continue;
    amounts[field] = value;
    plan.set[field] = value;
    plan.changes.push({
      field: `amounts.${field}`,
      label: labels[field],
      before: yen(order[field]),
      after: yen(value),
    });
  }
  plan.couponDelta = amounts.couponDiscount - order.couponDiscount;
  const total = billedTotal({ subtotal, ...amounts, pointsUsed: order.pointsUsed });
  if (total !== null && total < 0) {
    return invalid(
      edit.amounts?.couponDiscount !== undefined ? "amounts.couponDiscount" : "items",
      `請求金額がマイナス(${total}円)になります`,
    );
  }
  if (total !== order.total) {
    plan.set.total = total;
    plan.changes.push({ field: "total", label: "請求金額", before: yen(order.total), after: yen(total) });
  }

  if (edit.paymentMethod && edit.paymentMethod !== order.paymentMethod) {
    plan.set.paymentMethod = edit.paymentMethod;
    plan.changes.push({
      field: "paymentMethod",
      label: "支払方法",
      before: PAYMENT_METHODS[order.paymentMethod as PaymentMethod] ?? order.paymentMethod,
      after: PAYMENT_METHODS[edit.paymentMethod],
    });
  }

  if (edit.shippingService !== undefined) {
    const live = order.shipments.filter((s) => s.status !== "cancelled");
    const current = live[0]?.shippingService ?? null;
    if (live.some((s) => s.shippingService !== edit.shippingService)) {
      plan.shippingService = edit.shippingService;
      const name = (s: string | null) =>
        s === null ? "商品の既定" : (SHIPPING_SERVICE_LABELS[s as ShippingService] ?? s);
      plan.changes.push({
        field: "shippingService",
        label: "配送方法",
        before: name(current),
        after: name(edit.shippingService),
      });
    }
  }
  return plan;
}

/** The timeline's one line for an edit: every change with before → after, and whether the mall hears of it. */
export function editMessage(plan: EditPlan, mall: MallReflection): string {
  const parts = plan.changes.map((c) => `${c.label}: ${c.before} → ${c.after}`);
  const tail =
    mall === "not_told" ? "(モールには反映されません)" : mall === "told" ? "(モールに反映します)" : "";
  return `受注内容を変更しました${tail}: ${parts.join(" / ")}`;
}
