/** The portal's pages, all under /buyer (the server answers buyer.html there). */
export const BUYER = {
  top: "/buyer",
  form: "/buyer/order-form",
  history: "/buyer/orders",
  order: (id: string) => `/buyer/orders/${encodeURIComponent(id)}`,
};
