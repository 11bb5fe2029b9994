import { CARRIERS } from "#server/domain/carrier.ts";
import type { MasterKind, ShopMasters } from "#server/domain/mall-masters.ts";
import { PAYMENT_METHODS } from "#server/domain/payment.ts";
import { RMS_DELIVERY_COMPANY_DEFAULTS, RMS_DELIVERY_COMPANY_NAMES } from "./delivery-companies.ts";
import { RMS_SETTLEMENT_DEFAULTS, RMS_SETTLEMENT_NAMES } from "./payment.ts";

/**
 * The masters a 楽天 shop may edit (マスタ管理): 楽天配送設定 — Juchu's carriers ↔ RMS deliveryCompany,
 * read on import and said in shipping reports — and 決済方法 — RMS settlementMethodCode → Juchu's payment
 * method, read on import. A code RMS adds later is mapped here by the merchant, not guessed by Juchu.
 */
export const RAKUTEN_MASTERS: readonly MasterKind[] = [
  {
    kind: "delivery_company",
    label: "配送会社",
    codes: Object.fromEntries(Object.entries(CARRIERS).map(([code, c]) => [code, c.label])),
    mallCode: {
      pattern: /^\d{4}$/,
      hint: "楽天の配送会社コード(4桁の数字)",
      labels: RMS_DELIVERY_COMPANY_NAMES,
    },
    everyCode: true,
    defaults: RMS_DELIVERY_COMPANY_DEFAULTS,
  },
  {
    kind: "payment_method",
    label: "決済方法",
    codes: PAYMENT_METHODS,
    mallCode: { pattern: /^\d{1,4}$/, hint: "楽天の決済方法コード(数字)", labels: RMS_SETTLEMENT_NAMES },
    everyCode: false,
    defaults: RMS_SETTLEMENT_DEFAULTS,
  },
];

/** One kind's rows of the shop's masters, the defaults when the shop has none. */
export const rakutenTable = (masters: ShopMasters | undefined, kind: "delivery_company" | "payment_method") =>
  masters?.[kind] ?? RAKUTEN_MASTERS.find((m) => m.kind === kind)?.defaults ?? [];
