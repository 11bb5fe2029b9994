import { z } from "@hono/zod-openapi";
import type { Company } from "#server/app/b2b/companies.ts";
import type { MailDestination, ShipToEntry } from "#server/app/b2b/company-contacts.ts";
import { uuid } from "#server/domain/fields.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import { shipToSchema } from "./order-schemas.ts";

/** Schemas and presenters the merchant's and the buyer's BtoB routes share. */
export const iso = (d: Date | null) => (d ? toTokyoIso(d) : null);
const name = (what: string, max = 100) =>
  z.string().trim().min(1, `${what}を入力してください`).max(max, `${what}は${max}文字以内です`);

export const PAYMENT_TERMS_LABELS = { invoice: "掛け払い", prepaid: "前払い" } as const;

export const companyInputSchema = z.object({
  name: name("取引先名"),
  code: name("取引先コード", 30),
  rank: z.string().trim().min(1).max(30, "価格ランクは30文字以内です").nullable().optional(),
  paymentTerms: z.enum(["invoice", "prepaid"], "支払条件は invoice(掛け払い)か prepaid(前払い)です"),
  closingDay: z
    .int("締め日は整数です")
    .refine((d) => (d >= 1 && d <= 28) || d === 31, "締め日は1〜28日か31(月末)です")
    .nullable()
    .optional()
    .describe("締め日 1–28、31 = 月末(掛け払いのとき。省略時は月末)"),
  paymentDueDays: z.int().min(0).max(180, "支払期限は180日以内です").nullable().optional(),
  notes: z.string().max(2000, "メモは2000文字以内です").optional(),
});

export const companySchema = z
  .object({
    id: uuid(),
    name: z.string(),
    code: z.string(),
    rank: z.string().nullable(),
    paymentTerms: z.enum(["invoice", "prepaid"]),
    paymentTermsLabel: z.string(),
    closingDay: z.int().nullable(),
    paymentDueDays: z.int().nullable(),
    notes: z.string(),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("BuyerCompany");

export const presentCompany = (c: Company): z.infer<typeof companySchema> => {
  const paymentTerms = c.paymentTerms as "invoice" | "prepaid";
  return {
    id: c.id,
    name: c.name,
    code: c.code,
    rank: c.rank,
    paymentTerms,
    paymentTermsLabel: PAYMENT_TERMS_LABELS[paymentTerms],
    closingDay: c.closingDay,
    paymentDueDays: c.paymentDueDays,
    notes: c.notes,
    disabled: c.disabledAt !== null,
    createdAt: toTokyoIso(c.createdAt),
  };
};

export const mailDestinationSchema = z
  .object({ id: uuid(), email: z.string(), name: z.string() })
  .openapi("BuyerMailDestination");
export const presentMailDestination = (d: MailDestination) => ({ id: d.id, email: d.email, name: d.name });

export const shipToInputSchema = shipToSchema.extend({ label: name("配送先の名前", 50) });
export const shipToEntrySchema = shipToInputSchema
  .extend({ id: uuid(), address2: z.string().nullable() })
  .openapi("BuyerShipTo");
export const presentShipTo = (s: ShipToEntry): z.infer<typeof shipToEntrySchema> => ({
  id: s.id,
  label: s.label,
  name: s.name,
  postalCode: s.postalCode,
  prefecture: s.prefecture as z.infer<typeof shipToSchema>["prefecture"],
  address1: s.address1,
  address2: s.address2,
  phone: s.phone,
});

const quantity = (what: string) => z.int(`${what}は整数です`).min(1, `${what}は1以上です`).max(99999);

/** 発注の入力: the portal and メール発注 take the same shape and the same checks. */
export const placeOrderSchema = z.object({
  shipToId: uuid("配送先を選んでください"),
  desiredDeliveryDate: z.iso.date("希望納品日は YYYY-MM-DD で指定してください").nullable().optional(),
  lines: z
    .array(z.object({ productId: uuid("商品IDはUUIDです"), quantity: quantity("数量") }))
    .min(1, "商品を1つ以上選んでください")
    .max(200, "明細は200行までです"),
  note: z.string().max(500, "備考は500文字以内です").optional(),
});

export const priceItemSchema = z.object({
  productId: uuid("商品IDはUUIDです"),
  companyId: uuid("取引先IDはUUIDです").nullable().optional(),
  rank: z.string().trim().min(1).max(30).nullable().optional(),
  unitPrice: z.int("単価は整数(円)です").min(0).max(100_000_000),
  minQuantity: quantity("最小発注数"),
  lotQuantity: quantity("発注単位"),
});
