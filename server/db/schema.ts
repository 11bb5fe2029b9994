/** The whole schema, one file per concept below schema/; queries import it from here. */
export * from "./schema/accounts.ts";
export * from "./schema/b2b.ts";
export * from "./schema/catalog.ts";
export * from "./schema/csv-orders.ts";
export * from "./schema/customers.ts";
export * from "./schema/inquiries.ts";
export * from "./schema/list-tools.ts";
export * from "./schema/mail.ts";
export * from "./schema/option-surcharges.ts";
export * from "./schema/order-tags.ts";
export * from "./schema/orders.ts";
export * from "./schema/product-imports.ts";
export * from "./schema/shops.ts";
export * from "./schema/webhooks.ts";
