/**
 * 顧客: who bought an order, recognised across orders. A buyer is the same customer as an earlier one
 * by e-mail, else by phone, else by name + the ship-to postal code, each normalised so the forms people
 * and malls type the same thing in (全角/半角, upper/lower case, hyphens, +81) meet.
 */

export const CUSTOMER_KEY_KINDS = ["email", "phone", "name_postal"] as const;
export type CustomerKeyKind = (typeof CUSTOMER_KEY_KINDS)[number];
export type CustomerKey = { kind: CustomerKeyKind; value: string };

export type Buyer = {
  email: string;
  /**
   * A mall's relay address (楽天 あんしんメルアド) is made per order and expires after delivery: the same
   * person writes from a new one next time, and it never reaches them later. It recognises nobody, so
   * it is no key — a buyer behind one is recognised by phone or by name + postal code.
   */
  emailMasked: boolean;
  phone: string | null;
  name: string;
  postalCode: string;
};

/** Trimmed, one width (NFKC turns ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ into taro@example.jp), lower case. */
export function normalEmail(email: string): string | null {
  const value = email.normalize("NFKC").trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+$/.test(value) ? value : null;
}

/**
 * Digits only (full-width ones too), the country code +81 read as the leading 0 it stands for. Fewer
 * than 10 digits is no Japanese number, and 0000000000 is what malls fill in when the buyer gave none.
 */
export function normalPhone(phone: string | null): string | null {
  if (phone === null) return null;
  let value = phone.normalize("NFKC").replace(/[^\d+]/g, "");
  if (value.startsWith("+81")) value = `0${value.slice(3).replace(/^0/, "")}`;
  value = value.replace(/\D/g, "");
  return value.length >= 10 && !/^0+$/.test(value) ? value : null;
}

/** The name without its spaces (half- and full-width), one width; and the 7 digits of the postal code. */
export function normalNamePostal(name: string, postalCode: string): string | null {
  const squashed = name.normalize("NFKC").replace(/\s+/g, "");
  const postal = postalCode.normalize("NFKC").replace(/\D/g, "");
  return squashed !== "" && postal.length === 7 ? `${squashed}|${postal}` : null;
}

/** The keys a buyer is recognised by, strongest first. */
export function customerKeysOf(buyer: Buyer): CustomerKey[] {
  const email = buyer.emailMasked ? null : normalEmail(buyer.email);
  const phone = normalPhone(buyer.phone);
  const namePostal = normalNamePostal(buyer.name, buyer.postalCode);
  return [
    ...(email ? [{ kind: "email" as const, value: email }] : []),
    ...(phone ? [{ kind: "phone" as const, value: phone }] : []),
    ...(namePostal ? [{ kind: "name_postal" as const, value: namePostal }] : []),
  ];
}

export const keyString = (k: CustomerKey) => `${k.kind}:${k.value}`;

export type Linking = {
  /** The customer of each buyer, in input order. */
  customerOf: string[];
  /** Customers first seen here, each with the index of its first buyer. */
  newCustomers: { id: string; first: number }[];
  /** Keys no customer had: each now belongs to the customer of the buyer that brought it. */
  newKeys: (CustomerKey & { customerId: string })[];
};

/**
 * Links buyers (in the order they came) to customers, given the keys already known. The strongest key
 * a customer has wins; the buyer's other keys join that customer unless another already holds them.
 * A buyer whose e-mail is A's and phone is B's is A's: A and B are not merged. A shared phone (a
 * family, a company's switchboard) or a shared name at one postal code is weak evidence, and merging
 * would move B's orders, change the ranks they were placed at and break links to B — none of which
 * can be undone once the two are one. A merchant sees both customers and their orders instead.
 */
export function linkBuyers(
  buyers: readonly Buyer[],
  known: ReadonlyMap<string, string>,
  newId: () => string,
): Linking {
  const holder = new Map(known);
  const linking: Linking = { customerOf: [], newCustomers: [], newKeys: [] };
  for (const [index, buyer] of buyers.entries()) {
    const keys = customerKeysOf(buyer);
    let customerId = keys.map((k) => holder.get(keyString(k))).find((id) => id !== undefined);
    if (customerId === undefined) {
      customerId = newId();
      linking.newCustomers.push({ id: customerId, first: index });
    }
    for (const key of keys) {
      if (holder.has(keyString(key))) continue;
      holder.set(keyString(key), customerId);
      linking.newKeys.push({ ...key, customerId });
    }
    linking.customerOf.push(customerId);
  }
  return linking;
}
