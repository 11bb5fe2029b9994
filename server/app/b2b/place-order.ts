import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { loadOrder } from "#server/db/orders/order-queries.ts";
import {
  b2bOrders,
  buyerCompanyMailDestinations,
  productMappingComponents,
  productMappings,
  products,
} from "#server/db/schema.ts";
import { type OrderLineInput, priceLines } from "#server/domain/b2b/price-list.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { tokyoDate } from "#server/domain/tokyo-time.ts";
import type { Actor, AppContext } from "../context.ts";
import { registerIn } from "../orders/register-order.ts";
import { queueB2bMail } from "./b2b-mails.ts";
import { companyOf } from "./companies.ts";
import { shipToOf } from "./company-contacts.ts";
import { ensureDesk } from "./desk.ts";
import { pricesOfCompany } from "./prices.ts";

export type PlaceOrderInput = {
  shipToId: string;
  desiredDeliveryDate?: string | null | undefined;
  lines: readonly OrderLineInput[];
  note?: string | undefined;
};

export type Placement =
  | { via: "form"; buyerUserId: string; buyerName: string; buyerEmail: string }
  | { via: "mail" };

const VIA_LABELS = { form: "BtoB発注フォーム", mail: "メール発注" } as const;

/**
 * 発注 from the buyer portal or メール発注 by the merchant: checked against the company's prices
 * (minimum, 発注単位), then registered in the desk's shop like any order — stock, warehouse, mails
 * and tags follow — with its BtoB facts, in one transaction.
 */
export async function placeB2bOrder(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  companyId: string,
  placement: Placement,
  input: PlaceOrderInput,
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const company = await companyOf(tx, accountId, companyId);
    if (company.disabledAt) throw new Refusal("b2b.company_disabled", "この取引先は無効になっています。");
    const desk = await ensureDesk(tx, ctx, accountId);
    const shipTo = await shipToOf(tx, accountId, companyId, input.shipToId);
    const prices = await pricesOfCompany(
      tx,
      company,
      input.lines.map((l) => l.productId),
    );
    const priced = priceLines(input.lines, prices);
    if (priced instanceof Refusal) throw priced;
    const rows = await tx
      .select({ id: products.id, sku: products.sku, name: products.name })
      .from(products)
      .where(
        and(
          eq(products.accountId, accountId),
          inArray(
            products.id,
            priced.map((l) => l.productId),
          ),
        ),
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    await mapProducts(tx, ctx, accountId, desk.shopId, rows);
    const now = ctx.clock.now();
    const buyer =
      placement.via === "form"
        ? { name: `${company.name} ${placement.buyerName}`.trim(), email: placement.buyerEmail }
        : { name: company.name, email: (await firstMailDestination(tx, companyId)) ?? "" };
    const [outcome] = await registerIn(
      tx,
      ctx,
      actor,
      accountId,
      [
        {
          shopId: desk.shopId,
          mallOrderNumber: `B${tokyoDate(now).replaceAll("-", "")}-${ctx.newId().slice(0, 6).toUpperCase()}`,
          orderedAt: now,
          buyer: { ...buyer, phone: shipTo.phone },
          shipTo: {
            name: shipTo.name,
            postalCode: shipTo.postalCode,
            prefecture: shipTo.prefecture,
            address1: shipTo.address1,
            address2: shipTo.address2 ?? undefined,
            phone: shipTo.phone,
          },
          paymentMethod: company.paymentTerms === "invoice" ? "invoice" : "bank_transfer",
          items: priced.map((l) => {
            const product = byId.get(l.productId);
            if (!product) throw new Error(`priced product ${l.productId} vanished`);
            return {
              mallItemCode: product.sku,
              name: product.name,
              unitPrice: l.unitPrice,
              quantity: l.quantity,
            };
          }),
          remarks: input.note || undefined,
          desiredDeliveryDate: input.desiredDeliveryDate ?? null,
          via: `${VIA_LABELS[placement.via]}(${company.name})`,
        },
      ],
      "manual",
    );
    if (!outcome || "refusal" in outcome)
      throw outcome?.refusal ?? new Error("registration answered nothing");
    await tx.insert(b2bOrders).values({
      orderId: outcome.orderId,
      accountId,
      companyId,
      buyerUserId: placement.via === "form" ? placement.buyerUserId : null,
      placedVia: placement.via,
      desiredDeliveryDate: input.desiredDeliveryDate ?? null,
      shipToId: shipTo.id,
      note: input.note ?? "",
      createdAt: now,
    });
    const placed = await loadOrder(tx, accountId, outcome.orderId, { lock: false });
    if (placed) await queueB2bMail(tx, ctx, placed, "order_received");
    return outcome.orderId;
  });
}

/**
 * The desk's shop orders products by their SKU: the first order of a product makes its mapping
 * (the SKU → that product, one each), so allocation and warehouses see an ordinary mapped item.
 */
async function mapProducts(
  tx: Db,
  ctx: AppContext,
  accountId: string,
  shopId: string,
  rows: readonly { id: string; sku: string }[],
) {
  if (rows.length === 0) return;
  const made = await tx
    .insert(productMappings)
    .values(rows.map((r) => ({ id: ctx.newId(), accountId, shopId, mallItemCode: r.sku, mallSkuCode: "" })))
    .onConflictDoNothing()
    .returning({ id: productMappings.id, sku: productMappings.mallItemCode });
  if (made.length === 0) return;
  const skuToProduct = new Map(rows.map((r) => [r.sku, r.id]));
  await tx.insert(productMappingComponents).values(
    made.flatMap((m) => {
      const productId = skuToProduct.get(m.sku);
      return productId ? [{ mappingId: m.id, productId, quantity: 1 }] : [];
    }),
  );
}

/** メール発注 has no buyer user: the order names the company's first メール送信先. */
async function firstMailDestination(tx: Db, companyId: string): Promise<string | null> {
  const [row] = await tx
    .select({ email: buyerCompanyMailDestinations.email })
    .from(buyerCompanyMailDestinations)
    .where(eq(buyerCompanyMailDestinations.companyId, companyId))
    .orderBy(asc(buyerCompanyMailDestinations.createdAt))
    .limit(1);
  return row?.email ?? null;
}
