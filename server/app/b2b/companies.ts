import { and, asc, eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { isUniqueViolation } from "#server/db/errors.ts";
import { buyerCompanies } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";
import { ensureDesk } from "./desk.ts";

export type Company = typeof buyerCompanies.$inferSelect;

export type CompanyInput = {
  name: string;
  code: string;
  rank: string | null;
  paymentTerms: "invoice" | "prepaid";
  closingDay: number | null;
  paymentDueDays: number | null;
  notes: string;
};

const codeTaken = (code: string) =>
  new Refusal("b2b.company_code_taken", `取引先コード ${code} はすでに使われています。`, {
    errors: [{ path: "code", message: "すでに使われている取引先コードです" }],
  });

/** 前払い has no 締め日: whatever was sent, only 掛け払い keeps one. */
const terms = (input: Pick<CompanyInput, "paymentTerms" | "closingDay" | "paymentDueDays">) =>
  input.paymentTerms === "invoice"
    ? { closingDay: input.closingDay ?? 31, paymentDueDays: input.paymentDueDays ?? 30 }
    : { closingDay: null, paymentDueDays: null };

/** A company of this account, or 404 — another account's id is never told apart from an unknown one. */
export async function companyOf(db: Db, accountId: string, companyId: string): Promise<Company> {
  const [row] = await db
    .select()
    .from(buyerCompanies)
    .where(and(eq(buyerCompanies.id, companyId), eq(buyerCompanies.accountId, accountId)));
  if (!row) throw notFound("b2b_company", "取引先");
  return row;
}

export function listCompanies(db: Db, accountId: string): Promise<Company[]> {
  return db
    .select()
    .from(buyerCompanies)
    .where(eq(buyerCompanies.accountId, accountId))
    .orderBy(asc(buyerCompanies.code));
}

/** 取引先の登録; the first one sets the desk up. */
export async function createCompany(
  ctx: AppContext,
  accountId: string,
  input: CompanyInput,
): Promise<Company> {
  try {
    return await ctx.db.transaction(async (tx) => {
      await ensureDesk(tx, ctx, accountId);
      const [row] = await tx
        .insert(buyerCompanies)
        .values({ id: ctx.newId(), accountId, ...input, ...terms(input), createdAt: ctx.clock.now() })
        .returning();
      if (!row) throw new Error("insert returned nothing");
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, "buyer_companies_code_key")) throw codeTaken(input.code);
    throw error;
  }
}

export async function updateCompany(
  ctx: AppContext,
  accountId: string,
  companyId: string,
  change: Partial<CompanyInput> & { disabled?: boolean | undefined },
): Promise<Company> {
  const before = await companyOf(ctx.db, accountId, companyId);
  const { disabled, ...fields } = change;
  const merged = {
    ...before,
    ...fields,
    paymentTerms: fields.paymentTerms ?? (before.paymentTerms as "invoice"),
  };
  try {
    const [row] = await ctx.db
      .update(buyerCompanies)
      .set({
        ...fields,
        ...terms(merged),
        ...(disabled === undefined
          ? {}
          : { disabledAt: disabled ? (before.disabledAt ?? ctx.clock.now()) : null }),
      })
      .where(and(eq(buyerCompanies.id, companyId), eq(buyerCompanies.accountId, accountId)))
      .returning();
    if (!row) throw notFound("b2b_company", "取引先");
    return row;
  } catch (error) {
    if (fields.code && isUniqueViolation(error, "buyer_companies_code_key")) throw codeTaken(fields.code);
    throw error;
  }
}
