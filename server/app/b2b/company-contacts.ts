import { and, asc, eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { isUniqueViolation } from "#server/db/errors.ts";
import { buyerCompanyMailDestinations, buyerShipTo } from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";
import { companyOf } from "./companies.ts";

/** A company's メール送信先 and 配送先アドレス帳, each reached only through its company and account. */
export type MailDestination = typeof buyerCompanyMailDestinations.$inferSelect;
export type ShipToEntry = typeof buyerShipTo.$inferSelect;

export async function listMailDestinations(db: Db, accountId: string, companyId: string) {
  await companyOf(db, accountId, companyId);
  return db
    .select()
    .from(buyerCompanyMailDestinations)
    .where(eq(buyerCompanyMailDestinations.companyId, companyId))
    .orderBy(asc(buyerCompanyMailDestinations.createdAt), asc(buyerCompanyMailDestinations.email));
}

export async function addMailDestination(
  ctx: AppContext,
  accountId: string,
  companyId: string,
  input: { email: string; name: string },
): Promise<MailDestination> {
  await companyOf(ctx.db, accountId, companyId);
  try {
    const [row] = await ctx.db
      .insert(buyerCompanyMailDestinations)
      .values({ id: ctx.newId(), companyId, accountId, ...input, createdAt: ctx.clock.now() })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    return row;
  } catch (error) {
    if (isUniqueViolation(error, "buyer_company_mail_destinations_key")) {
      throw new Refusal("b2b.mail_destination_taken", `${input.email} はすでに登録されています。`, {
        errors: [{ path: "email", message: "すでに登録されているメールアドレスです" }],
      });
    }
    throw error;
  }
}

export async function removeMailDestination(db: Db, accountId: string, companyId: string, id: string) {
  const gone = await db
    .delete(buyerCompanyMailDestinations)
    .where(
      and(
        eq(buyerCompanyMailDestinations.id, id),
        eq(buyerCompanyMailDestinations.companyId, companyId),
        eq(buyerCompanyMailDestinations.accountId, accountId),
      ),
    )
    .returning({ id: buyerCompanyMailDestinations.id });
  if (gone.length === 0) throw notFound("b2b_mail_destination", "メール送信先");
}

export async function listShipTo(db: Db, accountId: string, companyId: string): Promise<ShipToEntry[]> {
  return db
    .select()
    .from(buyerShipTo)
    .where(and(eq(buyerShipTo.companyId, companyId), eq(buyerShipTo.accountId, accountId)))
    .orderBy(asc(buyerShipTo.createdAt), asc(buyerShipTo.label));
}

export type ShipToInput = ShipTo & { label: string };

export async function addShipTo(
  ctx: AppContext,
  accountId: string,
  companyId: string,
  input: ShipToInput,
): Promise<ShipToEntry> {
  await companyOf(ctx.db, accountId, companyId);
  const [row] = await ctx.db
    .insert(buyerShipTo)
    .values({ id: ctx.newId(), companyId, accountId, ...input, createdAt: ctx.clock.now() })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

const ofCompany = (accountId: string, companyId: string, id: string) =>
  and(eq(buyerShipTo.id, id), eq(buyerShipTo.companyId, companyId), eq(buyerShipTo.accountId, accountId));

export async function changeShipTo(
  db: Db,
  accountId: string,
  companyId: string,
  id: string,
  change: Partial<ShipToInput>,
): Promise<ShipToEntry> {
  const [row] = await db
    .update(buyerShipTo)
    .set(change)
    .where(ofCompany(accountId, companyId, id))
    .returning();
  if (!row) throw notFound("b2b_ship_to", "配送先");
  return row;
}

/** Orders sent there keep their address; only the book entry goes. */
export async function removeShipTo(db: Db, accountId: string, companyId: string, id: string) {
  const gone = await db
    .delete(buyerShipTo)
    .where(ofCompany(accountId, companyId, id))
    .returning({ id: buyerShipTo.id });
  if (gone.length === 0) throw notFound("b2b_ship_to", "配送先");
}

/** The ship-to an order goes to, from the company's own book (another company's entry is unknown). */
export async function shipToOf(
  db: Db,
  accountId: string,
  companyId: string,
  id: string,
): Promise<ShipToEntry> {
  const [row] = await db
    .select()
    .from(buyerShipTo)
    .where(ofCompany(accountId, companyId, id));
  if (!row) {
    throw new Refusal("b2b_ship_to.not_found", "配送先が見つかりません。", {
      errors: [{ path: "shipToId", message: "配送先アドレス帳にない配送先です" }],
    });
  }
  return row;
}
