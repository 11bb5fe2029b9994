/**
 * キャンセル理由 as the mall records it (RMS changeReasonDetailApply). お客様都合 first: a 店舗都合
 * cancel counts against the shop's rating, so it must be the merchant's choice, never a default.
 */
export const MALL_CANCEL_REASONS = {
  "1": "お客様都合: キャンセル",
  "4": "お客様都合: 未入金",
  "5": "お客様都合: 代引決済の受取拒否",
  "6": "お客様都合: その他",
  "8": "店舗都合: 欠品",
  "10": "店舗都合: その他",
  "13": "店舗都合: 発送遅延",
} as const;

export type MallCancelReason = keyof typeof MALL_CANCEL_REASONS;
export const MALL_CANCEL_REASON_CODES = Object.keys(MALL_CANCEL_REASONS) as MallCancelReason[];
export const DEFAULT_MALL_CANCEL_REASON: MallCancelReason = "1";
