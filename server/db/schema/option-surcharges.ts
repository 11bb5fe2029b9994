import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { created, updated } from "./columns.ts";
import { shops } from "./shops.ts";

/**
 * オプション金額表: a shop's 項目選択肢 with a price add-on (domain/option-amounts.ts), for choices whose
 * words carry no amount. Edited by CSV; read at import for the item codes a batch of orders has.
 */
export const optionSurcharges = pgTable(
  "option_surcharges",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    shopId: uuid("shop_id")
      .notNull()
      .references(() => shops.id),
    /** 商品管理番号 as the mall sends it; '' = every item of the shop (共通項目選択肢). */
    mallItemCode: text("mall_item_code").notNull().default(""),
    /** 項目名 and 選択肢, stored as normalised (NFKC, trimmed) so the order's words find them. */
    optionName: text("option_name").notNull(),
    choice: text("choice").notNull(),
    /** Per unit, in yen, tax included; negative for a discount option. */
    amount: integer("amount").notNull(),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex("option_surcharges_key").on(t.shopId, t.mallItemCode, t.optionName, t.choice),
    index("option_surcharges_account_idx").on(t.accountId),
    check("option_surcharges_amount_range", sql`${t.amount} between -9999999 and 9999999`),
  ],
);
