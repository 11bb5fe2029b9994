import { type ShipTo, sameAddress } from "./address.ts";
import type { ShippingStatus } from "./order-status.ts";
import { Refusal } from "./refusal.ts";

/** Shipments not yet handed to a warehouse: the only ones that may be split or merged. */
export const NOT_YET_REQUESTED: readonly ShippingStatus[] = ["allocating", "allocated", "awaiting_shipment"];

/** 分割出荷: some lines of a shipment leave in a parcel of their own. */
export function splitRefusal(input: {
  status: ShippingStatus;
  consolidated: boolean;
  linesInShipment: readonly string[];
  linesToMove: readonly string[];
}): Refusal | null {
  const refuse = (rule: string, detail: string) =>
    new Refusal("shipment.split_not_allowed", detail, { rule });
  if (!NOT_YET_REQUESTED.includes(input.status)) {
    return refuse("shipment_already_requested", "分割できるのは倉庫に出荷依頼する前の出荷だけです。");
  }
  if (input.consolidated)
    return refuse("shipment_consolidated", "同梱中の出荷は分割できません。先に同梱を解除してください。");
  if (input.linesToMove.length === 0) return refuse("no_lines", "分ける明細を選んでください。");
  const foreign = input.linesToMove.filter((id) => !input.linesInShipment.includes(id));
  if (foreign.length > 0) return refuse("line_not_in_shipment", "この出荷にない明細が含まれています。");
  if (new Set(input.linesToMove).size >= input.linesInShipment.length) {
    return refuse("all_lines", "全ての明細を移すと元の出荷が空になります。一部の明細を選んでください。");
  }
  return null;
}

/** What decides whether two parcels can travel as one (同梱). */
export type MergeCandidate = {
  shipmentId: string;
  shopId: string;
  buyerEmail: string;
  warehouseId: string;
  shipTo: ShipTo;
  status: ShippingStatus;
  requested: boolean;
  consolidated: boolean;
  orderedAt: Date;
};

const mergeable = (c: MergeCandidate) =>
  NOT_YET_REQUESTED.includes(c.status) && !c.requested && !c.consolidated;
const together = (a: MergeCandidate, b: MergeCandidate) =>
  a.shopId === b.shopId &&
  a.buyerEmail.toLowerCase() === b.buyerEmail.toLowerCase() &&
  a.warehouseId === b.warehouseId &&
  sameAddress(a.shipTo, b.shipTo);

/** 同梱候補: same shop, buyer, ship-to and warehouse, none requested yet; oldest order first in each group. */
export function mergeGroups(candidates: readonly MergeCandidate[]): MergeCandidate[][] {
  const groups: MergeCandidate[][] = [];
  const sorted = candidates.filter(mergeable).sort((a, b) => a.orderedAt.getTime() - b.orderedAt.getTime());
  for (const c of sorted) {
    const group = groups.find((g) => g[0] && together(g[0], c));
    if (group) group.push(c);
    else groups.push([c]);
  }
  return groups.filter((g) => g.length > 1);
}

/** The refusal for merging exactly these shipments, naming the rule; the lead is the oldest order's. */
export function mergeRefusal(chosen: readonly MergeCandidate[]): Refusal | null {
  const refuse = (rule: string, detail: string) =>
    new Refusal("shipment.merge_not_allowed", detail, { rule });
  if (chosen.length < 2) return refuse("too_few", "同梱するには2つ以上の出荷を選んでください。");
  const stuck = chosen.find((c) => !mergeable(c));
  if (stuck) {
    return refuse("shipment_already_requested", "出荷依頼済み・同梱済み・出荷不可の出荷は同梱できません。");
  }
  const [first] = chosen;
  if (first && chosen.some((c) => !together(first, c))) {
    return refuse(
      "different_destination",
      "同梱できるのは同じショップ・同じ購入者・同じ送付先・同じ倉庫の出荷だけです。",
    );
  }
  return null;
}
