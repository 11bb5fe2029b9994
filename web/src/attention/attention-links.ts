import { query } from "../api/client.ts";

/**
 * Where each line of 要対応 is dealt with. The API says what to do; the app knows its own screens, so
 * the addresses live here, each the filtered screen, not its front page.
 */
export const attentionLinks = {
  ordersWithTag: (tagId: string) => `/orders${query({ tag: tagId })}`,
  order: (orderId: string) => `/orders/${orderId}`,
  /** 紐付ける from an order: its unmapped items with the order's context (map-from-order-screen.tsx). */
  mapOrderItems: (orderId: string) => `/attention/map${query({ order: orderId })}`,
  shipments: (warehouseId: string, status: string) =>
    `/shipments${query({ warehouse: warehouseId, status })}`,
  warehouses: "/warehouses",
  products: "/products",
  mallImports: (shopId: string) => `/imports${query({ shop: shopId })}`,
  csvImport: (runId: string) => `/orders/csv-import${query({ run: runId })}`,
  shop: (shopId: string) => `/shops${query({ edit: shopId })}`,
  failedMails: `/mails${query({ status: "failed" })}`,
  cancelRequests: `/inquiries${query({ state: "cancel" })}`,
};
