import { and, eq } from "drizzle-orm";
import { acceptBuyerInvitation } from "#server/app/b2b/buyer-sessions.ts";
import { inviteBuyer } from "#server/app/b2b/buyers.ts";
import { createCompany } from "#server/app/b2b/companies.ts";
import { addMailDestination, addShipTo } from "#server/app/b2b/company-contacts.ts";
import { updateSettings } from "#server/app/b2b/desk.ts";
import { placeB2bOrder } from "#server/app/b2b/place-order.ts";
import { putPrices } from "#server/app/b2b/prices.ts";
import type { Actor, AppContext } from "#server/app/context.ts";
import { buyerCompanies, products } from "#server/db/schema.ts";

/** The demo's BtoB desk: one 取引先 with a buyer who can sign in to the portal, its prices and one order. */
export const DEMO_BUYER_EMAIL = "buyer@demo-sabo.example";
export const DEMO_BUYER_PASSWORD = "juchu-buyer-pass";
const COMPANY_CODE = "DEMO-001";
const ACTOR: Actor = { kind: "system", job: "demo" };

/** Made the first time only: a later start finds the company by its code and leaves it as the merchant left it. */
export async function demoB2b(ctx: AppContext, accountId: string): Promise<void> {
  const [existing] = await ctx.db
    .select({ id: buyerCompanies.id })
    .from(buyerCompanies)
    .where(and(eq(buyerCompanies.accountId, accountId), eq(buyerCompanies.code, COMPANY_CODE)));
  if (existing) return;
  const company = await createCompany(ctx, accountId, {
    name: "株式会社デモ茶房",
    code: COMPANY_CODE,
    rank: "wholesale",
    paymentTerms: "invoice",
    closingDay: 20,
    paymentDueDays: 30,
    notes: "デモ用の取引先",
  });
  await updateSettings(ctx, accountId, { allowCancelRequests: true, showStock: true });
  await addMailDestination(ctx, accountId, company.id, { email: "order@demo-sabo.example", name: "購買部" });
  const shipTo = await addShipTo(ctx, accountId, company.id, {
    label: "本店",
    name: "株式会社デモ茶房 本店",
    postalCode: "604-8005",
    prefecture: "京都府",
    address1: "京都市中京区河原町通三条上る恵比須町1-1",
    phone: "075-123-4567",
  });
  const catalogue = await ctx.db
    .select({ id: products.id, sku: products.sku })
    .from(products)
    .where(eq(products.accountId, accountId));
  const bySku = new Map(catalogue.map((p) => [p.sku, p.id]));
  const sencha = bySku.get("TEA-100");
  const hojicha = bySku.get("TEA-200");
  if (!sencha || !hojicha) throw new Error("the demo's catalogue is not set up before its BtoB desk");
  await putPrices(ctx, accountId, [
    { productId: sencha, rank: "wholesale", unitPrice: 720, minQuantity: 10, lotQuantity: 10 },
    { productId: hojicha, rank: "wholesale", unitPrice: 850, minQuantity: 6, lotQuantity: 6 },
    { productId: sencha, companyId: company.id, unitPrice: 680, minQuantity: 10, lotQuantity: 10 },
  ]);
  const invited = await inviteBuyer(
    ctx,
    ACTOR,
    accountId,
    company.id,
    { email: DEMO_BUYER_EMAIL, name: "茶房 花子" },
    "http://localhost",
  );
  const token = invited.invitation.url.split("/").at(-1) ?? "";
  await acceptBuyerInvitation(ctx, token, { password: DEMO_BUYER_PASSWORD });
  await placeB2bOrder(
    ctx,
    ACTOR,
    accountId,
    company.id,
    {
      via: "form",
      buyerUserId: invited.buyer.id,
      buyerName: invited.buyer.name,
      buyerEmail: DEMO_BUYER_EMAIL,
    },
    {
      shipToId: shipTo.id,
      lines: [
        { productId: sencha, quantity: 20 },
        { productId: hojicha, quantity: 12 },
      ],
      note: "デモの発注です",
    },
  );
}
