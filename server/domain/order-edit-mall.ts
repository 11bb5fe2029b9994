import type { EditableOrder, EditPlan } from "./order-edit.ts";

/**
 * The mall's own values of what a person edited on a mall's order the mall is not told of. The import
 * compares the mall with these, not with the edit, so re-reading an unchanged order keeps the edit;
 * once the mall itself changes a field, the mall's value wins again and its entry goes.
 */
export type MallValues = {
  shipTo?: unknown;
  shippingFee?: number | null;
  fees?: number | null;
  couponDiscount?: number;
  total?: number | null;
  items?: { mallItemCode: string; mallSkuCode: string; quantity: number; unitPrice: number }[];
};

export function mallValuesAfterEdit(
  order: EditableOrder,
  plan: EditPlan,
  kept: MallValues | null,
): MallValues {
  const values: MallValues = { ...kept };
  for (const field of ["shipTo", "shippingFee", "fees", "couponDiscount", "total"] as const) {
    if (plan.set[field] !== undefined && !(field in values)) Object.assign(values, { [field]: order[field] });
  }
  if (plan.reallocate && !values.items) {
    values.items = order.items.map((i) => ({
      mallItemCode: i.mallItemCode,
      mallSkuCode: i.mallSkuCode,
      quantity: i.quantity,
      unitPrice: i.unitPrice,
    }));
  }
  return values;
}

/** What is left of the mall's kept values once the mall changed some fields itself (null when none). */
export function mallValuesAfterImport(
  kept: MallValues | null,
  changed: { set: Record<string, unknown>; itemsChanged: boolean },
): MallValues | null {
  if (!kept) return null;
  const left = Object.fromEntries(
    Object.entries(kept).filter(([key]) => (key === "items" ? !changed.itemsChanged : !(key in changed.set))),
  );
  return Object.keys(left).length > 0 ? left : null;
}

/** What the mall hears of an edit: a mall's order is told only when its channel can take the change. */
export type MallReflection = "told" | "not_told" | "none";

export function mallReflectionOf(source: string, channelUpdatesOrders: boolean | undefined): MallReflection {
  if (source !== "import") return "none";
  return channelUpdatesOrders ? "told" : "not_told";
}
