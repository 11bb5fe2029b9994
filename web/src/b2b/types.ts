/**
 * The merchant's BtoB screens' names for the /api/b2b shapes, written from the issue-17 contract until
 * its routes are in generated.ts.
 */
export type PaymentTerms = "invoice" | "prepaid";

export type Company = {
  id: string;
  name: string;
  code: string;
  rank: string | null;
  paymentTerms: PaymentTerms;
  /** 締め日 1–28, 31 = 月末; only for 掛け払い. */
  closingDay: number | null;
  paymentDueDays: number | null;
  notes: string;
  disabled: boolean;
};
export type CompanyInput = Omit<Company, "id" | "disabled">;

export type MailDestination = { id: string; email: string; name: string };

export type ShipToEntry = {
  id: string;
  label: string;
  name: string;
  postalCode: string;
  prefecture: string;
  address1: string;
  address2: string | null;
  phone: string;
};
export type ShipToInput = Omit<ShipToEntry, "id">;

export type BuyerUser = {
  id: string;
  email: string;
  name: string;
  status: "active" | "invited" | "disabled";
  statusLabel: string;
  lastLoginAt: string | null;
};
export type BuyerInvitation = {
  buyer: BuyerUser;
  invitation: { url: string; expiresAt: string; mailed: boolean };
};

export type Price = {
  productId: string;
  companyId?: string | null;
  rank?: string | null;
  unitPrice: number;
  minQuantity: number;
  lotQuantity: number;
};

export type B2bSettings = {
  allowCancelRequests: boolean;
  showStock: boolean;
  /** 適格請求書発行事業者登録番号: T + 13 digits. */
  invoiceRegistrationNumber: string | null;
};

export type List<T> = { items: T[] };

/** What 受注一覧 and 受注詳細 carry for an order of the BtoB desk (null for every other order). */
export type B2bOrderView = {
  companyId: string;
  companyName: string;
  placedVia: "form" | "mail";
  cancelRequest: {
    status: "requested" | "approved" | "refused";
    reasonLabel: string;
    reasonText: string | null;
    requestedAt: string;
    decidedAt: string | null;
    refusalReason: string | null;
  } | null;
};
