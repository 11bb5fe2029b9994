import { sql } from "drizzle-orm";
import {
  boolean,
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
import { COLD_TEMPERATURES, SHIPPING_SERVICES } from "#server/domain/shipping-service.ts";
import { accounts } from "./accounts.ts";
import { products, warehouses } from "./catalog.ts";
import { created, oneOf, ts, updated } from "./columns.ts";
import { customers } from "./customers.ts";
import { shops } from "./shops.ts";

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    shopId: uuid("shop_id")
      .notNull()
      .references(() => shops.id),
    mallOrderNumber: text("mall_order_number").notNull(),
    source: text("source").notNull(),
    status: text("status").notNull(),
    orderedAt: ts("ordered_at").notNull(),
    graceUntil: ts("grace_until").notNull(),
    buyerName: text("buyer_name").notNull(),
    buyerEmail: text("buyer_email").notNull(),
    /** The e-mail is the mall's relay address (楽天 あんしんメルアド), not the buyer's own. */
    buyerEmailMasked: boolean("buyer_email_masked").notNull().default(false),
    buyerPhone: text("buyer_phone"),
    /** 顧客: the buyer recognised across orders (domain/customers.ts); null until linked. */
    customerId: uuid("customer_id").references(() => customers.id),
    /** 顧客ランク at ordering, by name: what it was then, whatever the rank rules say later. */
    customerRank: text("customer_rank"),
    shipTo: jsonb("ship_to").notNull(),
    paymentMethod: text("payment_method").notNull(),
    paidAt: ts("paid_at"),
    subtotal: integer("subtotal").notNull(),
    /** null while the mall says 未確定 (Rakuten -9999): never counted as zero. */
    shippingFee: integer("shipping_fee"),
    /** 代引料・決済手数料 the buyer pays; null while undetermined. */
    fees: integer("fees").default(0),
    couponDiscount: integer("coupon_discount").notNull().default(0),
    /** couponDiscount split by who pays for it: the shop's own coupons and the mall's (楽天クーポン). */
    shopCouponDiscount: integer("shop_coupon_discount").notNull().default(0),
    mallCouponDiscount: integer("mall_coupon_discount").notNull().default(0),
    /** The parts of fees as the mall gives them ({ cashOnDelivery, payment, deferredPayment, wrapping }); null when not split. */
    feeBreakdown: jsonb("fee_breakdown"),
    /** ラッピング the buyer chose: [{ name, fee }]. */
    wrappings: jsonb("wrappings").notNull().default([]),
    /** The buyer marked the order as a gift. */
    gift: boolean("gift").notNull().default(false),
    /** Billed amount and tax in it per rate, for the 納品書: [{ ratePercent, amount, tax }]. */
    taxSummary: jsonb("tax_summary").notNull().default([]),
    /** Values the mall sent that Juchu does not know (domain/unknown-mall-values.ts), as the last read found them. */
    unknownMallValues: jsonb("unknown_mall_values").notNull().default([]),
    pointsUsed: integer("points_used").notNull().default(0),
    /** 請求金額; null while any part of it is undetermined. */
    total: integer("total"),
    remarks: text("remarks"),
    desiredDeliveryDate: text("desired_delivery_date"),
    desiredTimeSlot: text("desired_time_slot"),
    /** The mall's own status and words for it (Rakuten orderProgress), as last imported. */
    mallStatus: text("mall_status"),
    mallStatusLabel: text("mall_status_label"),
    mallPaymentLabel: text("mall_payment_label"),
    mallCheckedAt: ts("mall_checked_at"),
    /** 注文確認 sent to the mall (Rakuten confirmOrder): once, never again. */
    mallConfirmedAt: ts("mall_confirmed_at"),
    /** Imported in test-import mode: checked like any order, but nothing is sent anywhere. */
    testImport: boolean("test_import").notNull().default(false),
    testProcessedAt: ts("test_processed_at"),
    /** The order search's text (domain/order-search.ts searchTextOf): numbers, names, カナ, phones, 〒, e-mail, address, items, folded. */
    searchText: text("search_text").notNull(),
    /** Whole names, their parts and every two characters (searchKeysOf): a query too short for trigrams. */
    searchKeys: text("search_keys").array().notNull().default(sql`'{}'::text[]`),
    deletedAt: ts("deleted_at"),
    /** The mall's values of what a person edited on a mall's order (domain/order-edit.ts MallValues); null when none. */
    mallValues: jsonb("mall_values"),
    /** 受注修正's guard: each edit names the version it started from and moves it on by one. */
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    // A deleted order frees its number for manual entry, so only live orders are unique.
    uniqueIndex("orders_live_number_key").on(t.shopId, t.mallOrderNumber).where(sql`${t.deletedAt} is null`),
    index("orders_number_idx").on(t.accountId, t.mallOrderNumber),
    // Ascending on purpose: read backwards they serve `order by ordered_at desc, id desc` exactly
    // (a `desc` index is `nulls last`, which the default descending sort cannot use).
    index("orders_list_idx").on(t.accountId, t.orderedAt, t.id),
    index("orders_status_list_idx").on(t.accountId, t.status, t.orderedAt, t.id),
    // 完了 is most orders but few of the newest: walking orders_list_idx for its tab passed weeks of newer
    // orders (1 M-order bench). Only this status: a partial index over every live order would be walked
    // whole by the capped counts of join filters (出荷ステータス 出荷済: 2 s).
    index("orders_completed_list_idx")
      .on(t.accountId, t.orderedAt, t.id)
      .where(sql`${t.status} = 'completed' and ${t.deletedAt} is null and ${t.testProcessedAt} is null`),
    // Trigrams let the free-text filter (`like '%…%'`) use an index instead of reading every order.
    index("orders_search_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    index("orders_search_keys_idx").using("gin", t.searchKeys),
    index("orders_buyer_idx").on(t.accountId, t.buyerEmail),
    index("orders_customer_idx").on(t.customerId, t.orderedAt),
    index("orders_grace_idx").on(t.graceUntil).where(sql`${t.status} = 'new'`),
    // 入金確認待ち超過: the periodic sweep reads only open prepaid orders still unpaid, oldest first.
    index("orders_unpaid_idx")
      .on(t.orderedAt)
      .where(
        sql`${t.paidAt} is null and ${t.deletedAt} is null and ${t.status} in ('new', 'awaiting_confirmation', 'confirmed') and ${t.paymentMethod} in ('bank_transfer', 'convenience_store', 'postal_transfer')`,
      ),
    // Import re-reads the open orders it has looked at least recently.
    index("orders_mall_recheck_idx")
      .on(t.shopId, t.mallCheckedAt)
      .where(sql`${t.source} = 'import' and ${t.deletedAt} is null`),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: uuid("id").primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    accountId: uuid("account_id").notNull(),
    lineNo: integer("line_no").notNull(),
    /** The shipment (送付先) this line goes in; an order with several ship-tos has one per package. */
    shipmentId: uuid("shipment_id").references(() => shipments.id),
    mallItemCode: text("mall_item_code").notNull(),
    /** The number the shop's pages show (楽天 商品番号), beside the management code matched on. */
    mallItemNumber: text("mall_item_number"),
    mallSkuCode: text("mall_sku_code").notNull().default(""),
    name: text("name").notNull(),
    selectedChoice: text("selected_choice").notNull().default(""),
    mallLineId: text("mall_line_id"),
    /** The mall's SKU id (Rakuten variantId): what its stock API addresses, learnt from orders. */
    mallVariantId: text("mall_variant_id"),
    unitPrice: integer("unit_price").notNull(),
    /**
     * オプション金額: the surcharge per unit of the options chosen on this line (項目選択肢 with a price
     * add-on), in yen, apart from unitPrice, so the order's total can be checked against the mall's bill.
     * unitPrice is the mall's price as first imported — 楽天's never counts a surcharge (see
     * channels/rakuten/mapping.ts) — so (unitPrice + optionAmount) × quantity is what the line bills;
     * when the shop later puts the surcharge into the mall's price, the line stays split this way.
     */
    optionAmount: integer("option_amount").notNull().default(0),
    /**
     * The options behind optionAmount as the mall's words gave them ([{ name, choice, amount | null }],
     * domain/option-amounts.ts): a オプション金額表 fix re-reads the table for those without an amount.
     */
    options: jsonb("options").notNull().default([]),
    quantity: integer("quantity").notNull(),
  },
  (t) => [
    index("order_items_order_idx").on(t.orderId),
    index("order_items_item_idx").on(t.accountId, t.mallItemCode, t.mallSkuCode),
  ],
);

export const shipments = pgTable(
  "shipments",
  {
    id: uuid("id").primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    accountId: uuid("account_id").notNull(),
    warehouseId: uuid("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    status: text("status").notNull(),
    /**
     * 出荷番号: short enough for every carrier's お客様管理番号 (B2: 20 半角英数). Numbered per account
     * by the trigger shipments_slip_number (from the account's own sequence), so no account can read
     * another's volume from the gaps between its numbers.
     */
    slipNumber: text("slip_number").notNull().default(sql`null`),
    /** The mall's package (Rakuten basketId) this shipment reports to; null for manual orders. */
    mallPackageId: text("mall_package_id"),
    /** Where this parcel goes when it is not the order's ship-to (several 送付先). */
    shipTo: jsonb("ship_to"),
    /** クール便: 'chilled' 冷蔵 or 'frozen' 冷凍; null = 常温. */
    temperature: text("temperature"),
    /** コンビニ・郵便局受取 (MallPickupPoint): the parcel goes there, and the ship-to is its address. */
    pickupPoint: jsonb("pickup_point"),
    /** 置き配: where the buyer lets the parcel be left. */
    dropOffLocation: text("drop_off_location"),
    /** 熨斗 the buyer asked for on this parcel. */
    noshi: text("noshi"),
    /** 離島・一部地域. */
    remoteIsland: boolean("remote_island").notNull().default(false),
    /** The carrier the buyer chose at checkout: { mallCode, label, carrier | null }. */
    chosenCarrier: jsonb("chosen_carrier"),
    /** The recipient has not given an address yet (ソーシャルギフト): the ship-to is the mall's placeholder. */
    addressPending: boolean("address_pending").notNull().default(false),
    requestDueAt: ts("request_due_at"),
    requestedAt: ts("requested_at"),
    /** The warehouse's id for the accepted request (a 3PL's request id; the slip number at the own stock room). */
    warehouseReference: text("warehouse_reference"),
    /** 出荷予定日 the warehouse answered; shown instead of calendarShipDate once there is one. */
    plannedShipDate: text("planned_ship_date"),
    /** Juchu's own 出荷予定日 from the warehouse's calendar (domain/business-calendar.ts). */
    calendarShipDate: text("calendar_ship_date"),
    /** お届け予定日: calendarShipDate plus the days on the road to the ship-to's area. */
    expectedDeliveryDate: text("expected_delivery_date"),
    /** 配送会社 (domain/carrier.ts) this parcel leaves with, from its products' delivery conditions; null = the warehouse's default. */
    carrier: text("carrier"),
    /** お届け対応可能日数 of its products (the largest): open days added to the calendar's 出荷予定日. */
    productLeadDays: integer("product_lead_days").notNull().default(0),
    /** 配送サービス chosen for this shipment; null follows its products' defaults. */
    shippingService: text("shipping_service"),
    /** 同梱: every shipment merged into one parcel carries the lead shipment's id (the lead its own). */
    consolidationId: uuid("consolidation_id"),
    /** ShippedParcel[]: what left the warehouse, with the mall's id per reported parcel. */
    parcels: jsonb("parcels").notNull().default([]),
    /** The parcels' 伝票番号, folded (trackingKeysOf): what the order search matches a tracking number on. */
    trackingKeys: text("tracking_keys").array().notNull().default(sql`'{}'::text[]`),
    shippedAt: ts("shipped_at"),
    unshippableReason: text("unshippable_reason"),
    mallReportedAt: ts("mall_reported_at"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index("shipments_order_idx").on(t.orderId),
    uniqueIndex("shipments_slip_number_key").on(t.accountId, t.slipNumber),
    // Not unique: every shipment merged into one parcel (同梱) carries the request's reference.
    index("shipments_warehouse_reference_idx").on(t.warehouseId, t.warehouseReference),
    // 出荷ステータス filter of the list: the orders with a shipment in that status, read from the index alone.
    index("shipments_status_idx").on(t.accountId, t.status, t.orderId),
    index("shipments_consolidation_idx").on(t.consolidationId),
    index("shipments_tracking_keys_idx").using("gin", t.trackingKeys),
    check("shipments_shipping_service_known", sql`${t.shippingService} in ${oneOf(SHIPPING_SERVICES)}`),
    check("shipments_temperature_known", sql`${t.temperature} in ${oneOf(COLD_TEMPERATURES)}`),
  ],
);

/** What a shipment needs of each product (items × mapping components) and how much is reserved. */
export const allocations = pgTable(
  "allocations",
  {
    shipmentId: uuid("shipment_id")
      .notNull()
      .references(() => shipments.id),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    accountId: uuid("account_id").notNull(),
    warehouseId: uuid("warehouse_id").notNull(),
    required: integer("required").notNull(),
    allocated: integer("allocated").notNull().default(0),
    orderedAt: ts("ordered_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shipmentId, t.productId] }),
    check("allocation_within_required", sql`${t.allocated} >= 0 and ${t.allocated} <= ${t.required}`),
    index("allocations_waiting_idx")
      .on(t.productId, t.warehouseId, t.orderedAt)
      .where(sql`${t.allocated} < ${t.required}`),
  ],
);
