/** 送付先: where a parcel goes, in the one shape orders, shipments, malls and warehouses share. */
export type ShipTo = {
  name: string;
  postalCode: string;
  prefecture: string;
  /** 市区町村 + 番地 */
  address1: string;
  /** 建物名など */
  address2?: string | undefined;
  phone: string;
};

const FIELDS = ["name", "postalCode", "prefecture", "address1", "address2", "phone"] as const;

/** Just the ship-to fields of a richer address (a mall's carries kana, a buyer's an email). */
export function shipToOf(address: ShipTo): ShipTo {
  return {
    name: address.name,
    postalCode: address.postalCode,
    prefecture: address.prefecture,
    address1: address.address1,
    ...(address.address2 ? { address2: address.address2 } : {}),
    phone: address.phone,
  };
}

/** Field by field: jsonb hands keys back in its own order, so the JSON text of equal addresses differs. */
export function sameAddress(a: unknown, b: unknown): boolean {
  const ra = (a ?? {}) as Record<string, unknown>;
  const rb = (b ?? {}) as Record<string, unknown>;
  return FIELDS.every((f) => (ra[f] ?? "") === (rb[f] ?? ""));
}
