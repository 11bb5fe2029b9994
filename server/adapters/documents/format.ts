import { tokyoDate, toTokyoIso } from "#server/domain/tokyo-time.ts";

/** 2026年12月1日, the Tokyo calendar date as printed on paper. */
export function japaneseDate(date: Date): string {
  const [year, month, day] = tokyoDate(date).split("-");
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** 2026年12月1日 09:05 in Tokyo. */
export function japaneseDateTime(date: Date): string {
  return `${japaneseDate(date)} ${toTokyoIso(date).slice(11, 16)}`;
}

const yenFormat = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 0 });

/** ¥1,234; an amount the mall has not settled yet prints as 未確定 rather than a misleading ¥0. */
export function yen(amount: number | null): string {
  if (amount === null) return "未確定";
  const sign = amount < 0 ? "-" : "";
  return `${sign}¥${yenFormat.format(Math.abs(amount))}`;
}
