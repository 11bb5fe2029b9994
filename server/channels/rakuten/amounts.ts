/** RMS writes -9999 in an amount the shop or Rakuten has not determined yet (送料未確定 …). */
export const UNDETERMINED = -9999;

/**
 * One RMS amount in yen: null while undetermined (-9999); 0 when the field is absent or null, as
 * older payload generations simply lack charges they did not know yet (paymentCharge before v2).
 */
export function rakutenAmount(value: number | null | undefined): number | null {
  if (value === UNDETERMINED) return null;
  return value ?? 0;
}

/** The sum of amounts, or null when any part is undetermined: an undetermined part is never summed. */
export function sumAmounts(parts: readonly (number | null)[]): number | null {
  let total = 0;
  for (const part of parts) {
    if (part === null) return null;
    total += part;
  }
  return total;
}
