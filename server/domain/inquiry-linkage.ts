import { z } from "zod";

/**
 * キャンセル連携 of buyer messages (SPEC.md §7), the shop's side: whether buyers' cancel inquiries act on orders,
 * whether a not-yet-requested order is cancelled by itself, what the buyer is told, and which words in
 * a message make it a cancel request on top of the channel's own flag.
 */

/** The phrases a new shop starts with; the merchant edits them. */
export const DEFAULT_CANCEL_PHRASES = [
  "キャンセルしたい",
  "キャンセルをお願い",
  "注文を取り消し",
  "注文を取消",
  "取り消してください",
] as const;

/** Placeholders a reply template may use; 対応結果 says whether shipping was stopped. */
export const REPLY_PLACEHOLDERS = ["購入者名", "ショップ名", "注文番号", "対応結果"] as const;

export const DEFAULT_REPLY_TEMPLATE = [
  "{{購入者名}} 様",
  "",
  "お問い合わせいただきありがとうございます。{{ショップ名}}でございます。",
  "ご注文(注文番号: {{注文番号}})について、{{対応結果}}",
  "今後のお手続きにつきましては、確認のうえあらためてご連絡いたします。",
].join("\n");

const PLACEHOLDER = /\{\{([^{}\r\n]*)\}\}/g;

function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)]
    .map((m) => (m[1] ?? "").trim())
    .filter((name) => !(REPLY_PLACEHOLDERS as readonly string[]).includes(name));
}

export const inquiryLinkageSchema = z.object({
  /** キャンセル連携: cancel inquiries act on their orders and get the automatic reply. */
  enabled: z.boolean().default(false),
  /** 自動キャンセル: an order not yet requested at the warehouse is cancelled; off, it is held for a person. */
  autoCancel: z.boolean().default(true),
  replyTemplate: z
    .string()
    .trim()
    .min(1, "返信文を入力してください")
    .max(2000, "返信文は2000文字以内です")
    .refine((t) => unknownPlaceholders(t).length === 0, {
      message: `使えない差し込み項目があります。使えるもの: ${REPLY_PLACEHOLDERS.map((p) => `{{${p}}}`).join("、")}`,
    })
    .default(DEFAULT_REPLY_TEMPLATE),
  cancelPhrases: z
    .array(z.string().trim().min(1, "空の語句は登録できません").max(50, "語句は50文字以内です"))
    .max(50, "語句は50個までです")
    .default([...DEFAULT_CANCEL_PHRASES]),
});

export type InquiryLinkage = z.infer<typeof inquiryLinkageSchema>;

/** The settings of a shop saved before the linkage existed read as its defaults. */
export function inquiryLinkageOf(settings: unknown): InquiryLinkage {
  const saved = (settings as { inquiryLinkage?: unknown } | null)?.inquiryLinkage;
  const parsed = inquiryLinkageSchema.safeParse(saved ?? {});
  return parsed.success ? parsed.data : inquiryLinkageSchema.parse({});
}

/** Full-width letters, half-width kana and spaces do not hide a phrase: ｷｬﾝｾﾙ したい is キャンセルしたい. */
const folded = (text: string): string => text.normalize("NFKC").replace(/\s+/gu, "");

/** A cancel request: the channel says so, or the buyer's words hold one of the shop's phrases. */
export function isCancelRequest(
  inquiry: { cancelRequested: boolean; message: string },
  phrases: readonly string[],
): boolean {
  if (inquiry.cancelRequested) return true;
  const text = folded(inquiry.message);
  return phrases.some((p) => folded(p) !== "" && text.includes(folded(p)));
}
