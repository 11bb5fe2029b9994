import type { UnknownMallValue } from "#server/domain/unknown-mall-values.ts";
import type { MallOrderStatus } from "#server/ports/mall.ts";

/** RMS orderProgress, with the names RMS shows. */
export const ORDER_PROGRESS_LABELS: Readonly<Record<number, string>> = {
  100: "注文確認待ち",
  200: "楽天処理中",
  300: "発送待ち",
  400: "変更確定待ち",
  500: "発送済",
  600: "支払手続き中",
  700: "支払手続き済",
  800: "キャンセル確定待ち",
  900: "キャンセル確定",
};

/** 800 (a cancel is under way) and 900 (cancelled) both mean the order will not ship. */
export function isCancelledProgress(progress: number): boolean {
  return progress === 800 || progress === 900;
}

export function mallStatus(progress: number): MallOrderStatus {
  return {
    code: String(progress),
    label: ORDER_PROGRESS_LABELS[progress] ?? `不明なステータス (${progress})`,
    cancelled: isCancelledProgress(progress),
  };
}

/** A progress RMS adds later is not read as any of Juchu's: reported, the order held until RMS moves it on. */
export function unknownProgress(progress: number): UnknownMallValue | null {
  if (ORDER_PROGRESS_LABELS[progress] !== undefined) return null;
  return { kind: "order_status", mallCode: String(progress), label: `不明なステータス (${progress})` };
}
