import type { TagRuleFacts } from "./tag-rules.ts";

/** What an order contributes to its tag-rule facts, however the caller loaded it. */
export type TagRuleFactsSource = {
  remarks: string | null;
  total: number | null;
  paymentMethod: string;
  buyerName: string;
  buyerPhone: string | null;
  shipTo: { name: string; prefecture: string; phone: string };
  items: readonly { mallItemCode: string; mallSkuCode: string }[];
  /** SKUs of the products the items are mapped to. */
  productSkus: readonly string[];
  buyerOrderCount: number;
  customerRank: string | null;
};

// Spaces (half- and full-width) and hyphens are how the same name or phone is typed differently.
const squash = (s: string | null | undefined) => (s ?? "").replace(/[\s　]/g, "");

/**
 * The one derivation of rule facts: the evaluation on leaving 新規受付 and the dry run over past orders
 * both go through here, so a dry run can never disagree with what the rule does to a new order.
 */
export function tagRuleFactsOf(o: TagRuleFactsSource): TagRuleFacts {
  return {
    remarks: o.remarks,
    total: o.total,
    prefecture: o.shipTo.prefecture,
    paymentMethod: o.paymentMethod,
    itemCodes: [
      ...o.items.flatMap((i) => [i.mallItemCode, i.mallSkuCode].filter((c) => c !== "")),
      ...o.productSkus,
    ],
    buyerOrderCount: o.buyerOrderCount,
    customerRank: o.customerRank,
    shipToDiffersFromBuyer:
      squash(o.shipTo.name) !== squash(o.buyerName) ||
      (o.buyerPhone !== null &&
        squash(o.shipTo.phone).replace(/-/g, "") !== squash(o.buyerPhone).replace(/-/g, "")),
  };
}
