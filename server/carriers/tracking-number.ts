import { CARRIERS, type Carrier } from "#server/domain/carrier.ts";
import { isRealDate } from "./fields.ts";
import { CARRIER_DEFINITIONS, carrierDefinition } from "./registry.ts";

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

/** A carrier Juchu has no folder for (その他) only needs something printable. */
const OTHER = { test: (n: string) => /^[A-Z0-9]{4,40}$/.test(n), rule: "英数字" };

/** null when the number fits the carrier, else the Japanese reason. */
export function trackingNumberProblem(carrier: Carrier, number: string): string | null {
  const shape = carrierDefinition(carrier)?.trackingNumber ?? OTHER;
  return shape.test(number) ? null : `${CARRIERS[carrier].label}の伝票番号は${shape.rule}です`;
}

export function carrierFromName(raw: string): Carrier | null {
  const name = raw.normalize("NFKC").trim();
  const lower = name.toLowerCase();
  if (lower in CARRIERS) return lower as Carrier;
  return CARRIER_DEFINITIONS.find((c) => c.names.includes(name))?.code ?? null;
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
