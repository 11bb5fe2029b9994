import { CARRIERS, type Carrier } from "#server/domain/carrier.ts";
import { isRealDate } from "./fields.ts";

/**
 * A tracking number as merchants paste or Excel re-saves it: full-width digits, hyphens (ヤマト prints
 * 1234-5678-9012), spaces. Returns the bare form the carriers' tracking pages take.
 */
export function normalizeTrackingNumber(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/[\s\-‐‑–—−ー]/g, "")
    .toUpperCase();
}

/** Each carrier's number shape; "other" carriers only need something printable. */
const SHAPES: Readonly<Record<Carrier, { test: (n: string) => boolean; rule: string }>> = {
  yamato: { test: (n) => /^\d{12}$/.test(n), rule: "12桁の数字" },
  sagawa: { test: (n) => /^\d{12}$/.test(n), rule: "12桁の数字" },
  // Domestic ゆうパック/ゆうパケット are 11–13 digits; international (EMS etc.) are UPU S10: EJ123456789JP.
  japanpost: {
    test: (n) => /^\d{11,13}$/.test(n) || /^[A-Z]{2}\d{9}[A-Z]{2}$/.test(n),
    rule: "11〜13桁の数字(国際郵便は EJ123456789JP の形)",
  },
  other: { test: (n) => /^[A-Z0-9]{4,40}$/.test(n), rule: "英数字" },
};

/** null when the number fits the carrier, else the Japanese reason. */
export function trackingNumberProblem(carrier: Carrier, number: string): string | null {
  const shape = SHAPES[carrier];
  return shape.test(number) ? null : `${CARRIERS[carrier].label}の伝票番号は${shape.rule}です`;
}

/** Carrier names as they appear in exported files, to Juchu's codes. */
const CARRIER_NAMES: Readonly<Record<string, Carrier>> = {
  ヤマト: "yamato",
  ヤマト運輸: "yamato",
  クロネコヤマト: "yamato",
  宅急便: "yamato",
  佐川: "sagawa",
  佐川急便: "sagawa",
  日本郵便: "japanpost",
  郵便局: "japanpost",
  ゆうパック: "japanpost",
  ゆうパケット: "japanpost",
};

export function carrierFromName(raw: string): Carrier | null {
  const name = raw.normalize("NFKC").trim();
  const lower = name.toLowerCase();
  if (lower in CARRIERS) return lower as Carrier;
  return CARRIER_NAMES[name] ?? null;
}

/**
 * YYYY/MM/DD (also 2026/3/2 as Excel re-saves it), YYYYMMDD or YYYY-MM-DD, with or without a time after
 * it → YYYY-MM-DD; null if none.
 */
export function parseShippedOn(raw: string): string | null {
  const s = raw.normalize("NFKC").trim();
  // e飛伝's 出荷日時 carries the time too; the day is what the mall is told.
  const [day = "", time, ...more] = s.split(/[ T]/);
  if (more.length > 0) return null;
  if (time !== undefined && !/^(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/.test(time)) return null;
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(day) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
