/**
 * キャンセル理由 as RMS records them (cancelOrder's changeReasonDetailApply). お客様都合 first: a 店舗都合
 * cancel counts against the shop's rating, so it must be the merchant's choice, never a default.
 */
export const RMS_CANCEL_REASONS = [
  { code: "1", label: "お客様都合: キャンセル" },
  { code: "4", label: "お客様都合: 未入金" },
  { code: "5", label: "お客様都合: 代引決済の受取拒否" },
  { code: "6", label: "お客様都合: その他" },
  { code: "8", label: "店舗都合: 欠品" },
  { code: "10", label: "店舗都合: その他" },
  { code: "13", label: "店舗都合: 発送遅延" },
] as const;
