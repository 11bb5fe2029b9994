/**
 * The BtoB desk's four mails (seed conect-b2b-cancel-request; the product's name, 受注管理 Juchu, in
 * place of CO-NECT). Each is an ordinary mail category + template the desk makes the first time it
 * needs one, so the merchant edits or switches it off in メール設定 like any other; `event` is the
 * timeline event it is sent on (trigger kind order_event).
 */
export type B2bMail = {
  event: string;
  name: string;
  /** buyer: every mail destination of the company; merchant: the desk shop's own address. */
  to: "buyer" | "merchant";
  subject: string;
  body: string;
};

const PRODUCT = "受注管理 Juchu";

const ORDER_LINES = `ご注文番号: {{注文番号}}
ご注文日時: {{注文日時}}

{{商品明細}}

合計金額: {{合計金額}}`;

const SIGNATURE = `━━━━━━━━━━━━━━━━━━━━━━━━
{{ショップ名}}
このメールは${PRODUCT}から送信しています。
━━━━━━━━━━━━━━━━━━━━━━━━`;

export const B2B_MAILS = {
  order_received: {
    event: "b2b_order_received",
    name: "BtoB ご注文受付",
    to: "buyer",
    subject: `【${PRODUCT}】ご注文を受け付けました`,
    body: `{{会社名}} 御中

{{ショップ名}}です。
以下の内容でご注文を受け付けました。

${ORDER_LINES}

【お届け先】
{{送付先名}} 様
{{送付先住所}}
お届け希望日: {{お届け希望日}}

${SIGNATURE}
`,
  },
  cancel_requested: {
    event: "b2b_cancel_requested",
    name: "BtoB キャンセルリクエスト(事業者宛)",
    to: "merchant",
    subject: `【${PRODUCT}】キャンセルリクエストがありました({{ショップ名}})`,
    body: `{{会社名}} 様からキャンセルリクエストがありました。
受注詳細で内容を確認し、承認または拒否してください。

キャンセル理由: {{キャンセル理由}}

${ORDER_LINES}

${SIGNATURE}
`,
  },
  cancel_approved: {
    event: "b2b_cancel_approved",
    name: "BtoB キャンセル承認",
    to: "buyer",
    subject: `【${PRODUCT}】オーダーがキャンセルされました`,
    body: `{{会社名}} 御中

{{ショップ名}}です。
キャンセルリクエストが承認され、下記のご注文は取引中止となりました。

${ORDER_LINES}

${SIGNATURE}
`,
  },
  cancel_refused: {
    event: "b2b_cancel_refused",
    name: "BtoB キャンセル却下",
    to: "buyer",
    subject: `【${PRODUCT}】キャンセルできませんでした。`,
    body: `{{会社名}} 御中

{{ショップ名}}です。
下記のご注文のキャンセルリクエストは却下されました。ご注文はそのままお届けします。

却下の理由: {{拒否理由}}

${ORDER_LINES}

${SIGNATURE}
`,
  },
} as const satisfies Record<string, B2bMail>;

export type B2bMailKey = keyof typeof B2B_MAILS;
