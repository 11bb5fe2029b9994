/**
 * The buyer portal's names for the buyer API's shapes (/api/buyer/*, its own OpenAPI document).
 * Written from the issue-17 contract until the buyer API's generated types exist.
 */
export type BuyerSession = {
  csrfToken: string;
  buyer: { id: string; email: string; name: string };
  company: { id: string; name: string };
  merchant: { name: string };
};

export type BuyerInvitationView = {
  email: string;
  name: string;
  companyName: string;
  merchantName: string;
  expiresAt: string;
};

export type CatalogueItem = {
  productId: string;
  sku: string;
  name: string;
  unitPrice: number;
  minQuantity: number;
  lotQuantity: number;
  /** null: the merchant does not show stock. */
  stock: number | null;
};
export type CataloguePage = { items: CatalogueItem[]; nextCursor: string | null };

export type ShipTo = {
  id: string;
  label: string;
  name: string;
  postalCode: string;
  prefecture: string;
  address1: string;
  address2?: string | null;
  phone: string;
};

export type CancelRequestView = {
  status: "requested" | "approved" | "refused";
  /** キャンセルリクエスト中 / キャンセルリクエストが承認され取引停止されました / キャンセルできませんでした */
  label: string;
  /** 注文状況 on 発注履歴詳細: 取引中止 / キャンセル却下 */
  detailLabel: string;
  reasonLabel: string;
  reasonText: string | null;
  refusalReason: string | null;
};

export type BuyerOrder = {
  id: string;
  orderNumber: string;
  orderedAt: string;
  total: number | null;
  placedVia: string;
  desiredDeliveryDate: string | null;
  status: string;
  /** 注文状況: 受付済 / 出荷準備中 / 出荷済 / 取引中止 */
  statusLabel: string;
  cancelRequest: CancelRequestView | null;
  canRequestCancel: boolean;
};
export type BuyerOrderPage = { items: BuyerOrder[]; nextCursor: string | null };

export type BuyerOrderLine = {
  sku: string;
  name: string;
  unitPrice: number;
  quantity: number;
  amount: number;
};
export type BuyerOrderDetail = BuyerOrder & {
  note: string;
  lines: BuyerOrderLine[];
  shipTo: Record<string, string>;
  history: { at: string; label: string }[];
};

export type CancelReason = { code: string; label: string };
