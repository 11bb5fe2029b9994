import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CARRIER_CODES } from "#server/domain/carrier.ts";
import { MAX_LEAD_DAYS } from "#server/domain/delivery-conditions.ts";
import { SHIPPING_SERVICES, TEMPERATURES } from "#server/domain/shipping-service.ts";
import { accounts } from "./accounts.ts";
import { created, oneOf, ts } from "./columns.ts";
import { shops } from "./shops.ts";

export const warehouses = pgTable("warehouses", {
  id: uuid("id").primaryKey(),
  accountId: uuid("account_id")
    .notNull()
    .references(() => accounts.id),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  /** Sealed credentials of a 3PL (the fields its kind asks for); null for the merchant's own stock room. */
  credentials: jsonb("credentials"),
  /** WarehouseSettings: ご依頼主 for carrier slips, carrier account codes, result polling interval. */
  settings: jsonb("settings").notNull().default({}),
  /** WarehouseCalendar (domain/warehouse-calendar.ts): 休業日, 出荷までの日数, days on the road per area. */
  calendar: jsonb("calendar").notNull().default({}),
  /** Where the last recorded page of 出荷実績 ended; moved only after its results are saved. */
  resultsCursor: text("results_cursor"),
  resultsPolledAt: ts("results_polled_at"),
  createdAt: created(),
});

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    /** 配送サービス the product ships with by default (domain/shipping-service.ts). */
    shippingService: text("shipping_service").notNull().default("standard"),
    /** 温度帯: 常温 ambient, 冷蔵 chilled, 冷凍 frozen. */
    temperature: text("temperature").notNull().default("ambient"),
    /** 物流会社: the warehouse this product ships from; null = the shop's warehouse. */
    warehouseId: uuid("warehouse_id").references(() => warehouses.id),
    /** 配送会社 (domain/carrier.ts); null = the warehouse's default. */
    carrier: text("carrier"),
    /** お届け対応可能日数: open days the product needs before it can ship (取り寄せ, 名入れ …). */
    leadDays: integer("lead_days").notNull().default(0),
    /** 時間帯 the product accepts (domain/delivery-conditions.ts keys); null = every slot the carrier offers. */
    timeSlots: text("time_slots").array(),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex("products_account_sku_key").on(t.accountId, t.sku),
    check("products_shipping_service_known", sql`${t.shippingService} in ${oneOf(SHIPPING_SERVICES)}`),
    check("products_temperature_known", sql`${t.temperature} in ${oneOf(TEMPERATURES)}`),
    check("products_carrier_known", sql`${t.carrier} in ${oneOf(CARRIER_CODES)}`),
    check("products_lead_days_range", sql`${t.leadDays} between 0 and ${sql.raw(String(MAX_LEAD_DAYS))}`),
  ],
);

export const stock = pgTable(
  "stock",
  {
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    warehouseId: uuid("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    accountId: uuid("account_id").notNull(),
    onHand: integer("on_hand").notNull().default(0),
    allocated: integer("allocated").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.warehouseId] }),
    // The database itself refuses an oversell, whatever a bug upstream does.
    check("stock_allocated_within_on_hand", sql`${t.allocated} >= 0 and ${t.allocated} <= ${t.onHand}`),
  ],
);

export const productMappings = pgTable(
  "product_mappings",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id").notNull(),
    shopId: uuid("shop_id")
      .notNull()
      .references(() => shops.id),
    mallItemCode: text("mall_item_code").notNull(),
    /** '' when the mapping covers the item whatever its SKU: keeps the unique key simple. */
    mallSkuCode: text("mall_sku_code").notNull().default(""),
    createdAt: created(),
  },
  (t) => [uniqueIndex("product_mappings_key").on(t.shopId, t.mallItemCode, t.mallSkuCode)],
);

export const productMappingComponents = pgTable(
  "product_mapping_components",
  {
    mappingId: uuid("mapping_id")
      .notNull()
      .references(() => productMappings.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    quantity: integer("quantity").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.mappingId, t.productId] }),
    check("component_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

/**
 * 在庫履歴: every change of a stock row, written in the transaction that makes it, so a product's
 * 在庫 (and 引当) at a warehouse is always the sum of its movements' deltas.
 */
export const stockMovements = pgTable(
  "stock_movements",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id").notNull(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    warehouseId: uuid("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    /** StockMovementKind: opening, receipt, count, allocate, release, ship. */
    kind: text("kind").notNull(),
    onHandDelta: integer("on_hand_delta").notNull().default(0),
    allocatedDelta: integer("allocated_delta").notNull().default(0),
    /** The order and shipment it was for (引当, 引当解除, 出荷); null for the merchant's own edits. */
    orderId: uuid("order_id"),
    shipmentId: uuid("shipment_id"),
    /** Who did it, as the order timeline names it (user:…, token:…, system:…). */
    actor: text("actor").notNull(),
    at: ts("at").notNull(),
  },
  (t) => [index("stock_movements_product_idx").on(t.productId, t.warehouseId, t.id)],
);
