import type { SessionClient } from "./harness.ts";
import { HOJICHA, MYSTERY, order, RETIRED, SENCHA, type Seeded } from "./seed.ts";

const HOUR = 3600_000;
const PAYMENTS = ["credit_card", "bank_transfer", "rakuten_pay", "convenience_store", "cash_on_delivery"];
const REMARKS = ["", "", "", "ギフト包装をお願いします", "[配送日時指定:]\n午前中", ""];

/**
 * A merchant's last three days, for the screenshots: orders in every status the core reaches by
 * itself, a few waiting on payment or on an unmapped item, one cancelled, one deleted.
 */
export async function seedDemo(api: SessionClient, s: Seeded): Promise<{ featured: string }> {
  const now = Date.now();
  let featured = "";
  for (let i = 0; i < 42; i++) {
    const shop = i % 3 === 0 ? s.manualShop : s.rakutenShop;
    // The newest rakuten orders are still inside their 30-minute cancellation window (新規受付).
    const orderedAt = new Date(now - (i < 3 ? i * 5 * 60_000 : i * 1.7 * HOUR)).toISOString();
    const lines = [
      { ...SENCHA, quantity: 1 + (i % 4) },
      ...(i % 2 === 0 ? [{ ...HOJICHA, quantity: 1 + (i % 3) }] : []),
      ...(i % 9 === 4 ? [MYSTERY] : []),
      ...(i % 13 === 6 ? [RETIRED] : []),
    ];
    const created = await api.call(
      "POST",
      "/api/orders",
      order(
        shop,
        `${shop === s.manualShop ? "TEL" : "RK"}-${String(240000 + i * 7).padStart(6, "0")}`,
        lines,
        {
          buyer: i,
          orderedAt,
          paymentMethod: PAYMENTS[i % PAYMENTS.length],
          remarks: REMARKS[i % REMARKS.length],
        },
      ),
    );
    if (i === 4) featured = created.id;
    if (i === 10) await api.call("POST", `/api/orders/${created.id}/cancel`, { reason: "お客様都合" });
    if (i === 16) await api.call("POST", `/api/orders/${created.id}/payment`, {});
    if (i === 20) await api.call("POST", `/api/orders/${created.id}/tags`, { tagId: s.tagId });
  }
  const unmappedOnly = await api.call(
    "POST",
    "/api/orders",
    order(s.manualShop, "TEL-999999", [RETIRED], {
      buyer: 5,
      orderedAt: new Date(now - 80 * HOUR).toISOString(),
    }),
  );
  await api.call("DELETE", `/api/orders/${unmappedOnly.id}`);
  return { featured };
}
