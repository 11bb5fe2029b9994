import {
  type AttachedTag,
  type Decision,
  move,
  type OrderEvent,
  type OrderSnapshot,
  withShipments,
} from "./order.ts";
import type { OrderStatus } from "./order-status.ts";
import { Refusal } from "./refusal.ts";

/** Tags on an order (SPEC.md §1): a holding tag stops it at 確認待, and taking the last one off lets it go. */

const NOT_YET_REQUESTED: readonly OrderStatus[] = ["confirmed", "awaiting_shipment"];

export function attachTag(
  order: OrderSnapshot,
  tag: AttachedTag,
  by: "rule" | "person" | "system",
): Decision | Refusal {
  if (order.tags.some((t) => t.tagId === tag.tagId)) {
    return new Refusal("order.tag_already_attached", `タグ「${tag.name}」はすでに付いています。`);
  }
  const tagged: OrderSnapshot = { ...order, tags: [...order.tags, tag] };
  const event: OrderEvent = {
    type: "tag_attached",
    message: `タグ「${tag.name}」を付けました${tag.hold ? "(保留)" : ""}${by === "rule" ? " — タグ条件に一致" : ""}`,
    detail: { tagId: tag.tagId, by },
  };
  // A hold put on an order not yet sent to the warehouse pulls it back for a person to look at.
  if (tag.hold && NOT_YET_REQUESTED.includes(order.status)) {
    const back = withShipments(tagged, (s) => (s.status === "awaiting_shipment" ? "allocated" : s.status));
    return move(back, "awaiting_confirmation", `保留タグ「${tag.name}」が付いたため`, [event]);
  }
  return { order: tagged, events: [event] };
}

/** 在庫不足: 確認済 with a shipment still short of stock — a test import takes none, so it never is. */
export function isShortOfStock(order: OrderSnapshot): boolean {
  return (
    order.status === "confirmed" &&
    !order.testImport &&
    order.shipments.some((s) => s.status === "allocating")
  );
}

/** `causePersists`: for a system tag, whether what set it is still true (e.g. an item is still unmapped). */
export function detachTag(order: OrderSnapshot, tagId: string, causePersists: boolean): Decision | Refusal {
  const tag = order.tags.find((t) => t.tagId === tagId);
  if (!tag) return new Refusal("order.tag_not_attached", "このタグは注文に付いていません。");
  if (tag.systemCode && causePersists) {
    return new Refusal(
      "order.tag_cause_unresolved",
      `システムタグ「${tag.name}」の原因が解消していないため外せません。原因を解消すると自動で外れます。`,
      { rule: tag.systemCode },
    );
  }
  return {
    order: { ...order, tags: order.tags.filter((t) => t.tagId !== tagId) },
    events: [{ type: "tag_removed", message: `タグ「${tag.name}」を外しました`, detail: { tagId } }],
  };
}
