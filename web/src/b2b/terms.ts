import type { Company } from "./types.ts";

/** 締め日 as the merchant says it: 20日締め, 月末締め; none for 前払い. */
export function closingLabel(company: Pick<Company, "paymentTerms" | "closingDay">): string {
  if (company.paymentTerms !== "invoice" || company.closingDay === null) return "—";
  return company.closingDay === 31 ? "月末締め" : `${company.closingDay}日締め`;
}
