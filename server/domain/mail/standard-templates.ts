/**
 * 標準テンプレート: the mails a merchant starts from (SPEC.md §8) and copies into their own
 * templates. Plain text, in the polite style Japanese shops send: 【ショップ名】 in the subject,
 * 様 after the name, a signature block at the end.
 */
export type StandardMailTemplate = {
  key: "thanks" | "shipping" | "cancelled" | "follow_up" | "product_thanks";
  name: string;
  trigger: { kind: "order_status" | "shipping_status"; status: string; delayMinutes: number };
  subject: string;
  body: string;
};

const SIGNATURE = `━━━━━━━━━━━━━━━━━━━━━━━━
{{ショップ名}}
ご不明な点がございましたら、このメールにご返信ください。
━━━━━━━━━━━━━━━━━━━━━━━━`;

const ORDER_SUMMARY = `【ご注文内容】
ご注文番号: {{注文番号}}
ご注文日時: {{注文日時}}
お支払方法: {{支払方法}}

{{商品明細}}

小計: {{小計}}
送料: {{送料}}
手数料: {{手数料}}
クーポン値引: {{クーポン値引}}
ポイント利用: {{ポイント利用}}
合計金額: {{合計金額}}

【お届け先】
{{送付先名}} 様
{{送付先住所}}
お届け希望日: {{お届け希望日}}
お届け時間帯: {{お届け時間帯}}`;

const FIVE_DAYS = 5 * 24 * 60;

export const STANDARD_MAIL_TEMPLATES: readonly StandardMailTemplate[] = [
  {
    key: "thanks",
    name: "サンクスメール",
    trigger: { kind: "order_status", status: "confirmed", delayMinutes: 0 },
    subject: "【{{ショップ名}}】ご注文ありがとうございます(注文番号: {{注文番号}})",
    body: `{{購入者名}} 様

このたびは{{ショップ名}}をご利用いただき、誠にありがとうございます。
以下の内容でご注文を承りました。商品の発送まで今しばらくお待ちください。

${ORDER_SUMMARY}

発送いたしましたら、あらためてメールでお知らせいたします。

${SIGNATURE}
`,
  },
  {
    key: "shipping",
    name: "出荷メール",
    trigger: { kind: "shipping_status", status: "shipped", delayMinutes: 0 },
    subject: "【{{ショップ名}}】商品を発送いたしました(注文番号: {{注文番号}})",
    body: `{{購入者名}} 様

{{ショップ名}}です。
ご注文いただいた商品を本日発送いたしました。
お届けまで今しばらくお待ちください。

【発送情報】
ご注文番号: {{注文番号}}
出荷日: {{出荷日}}
配送会社: {{配送会社}}
伝票番号: {{伝票番号}}

配送状況は以下のページでご確認いただけます。
{{配送状況確認URL}}
※反映まで半日ほどかかる場合がございます。

【お届け先】
{{送付先名}} 様
{{送付先住所}}
お届け希望日: {{お届け希望日}}
お届け時間帯: {{お届け時間帯}}

【ご注文内容】
{{商品明細}}

合計金額: {{合計金額}}

${SIGNATURE}
`,
  },
  {
    // Sent for every キャンセル, also ones the buyer did not ask for (R-Messe, stock-outs): it says only
    // that the cancel is complete, never why or who asked.
    key: "cancelled",
    name: "キャンセル完了メール",
    trigger: { kind: "order_status", status: "cancelled", delayMinutes: 0 },
    subject: "【{{ショップ名}}】ご注文キャンセル完了のお知らせ(注文番号: {{注文番号}})",
    body: `{{購入者名}} 様

{{ショップ名}}です。
下記のご注文につきまして、キャンセルの手続きが完了いたしましたのでお知らせいたします。

ご注文番号: {{注文番号}}
ご注文日時: {{注文日時}}

{{商品明細}}

このメールと行き違いでご連絡をいただいている場合は、ご容赦ください。

またのご利用を心よりお待ちしております。

${SIGNATURE}
`,
  },
  {
    key: "follow_up",
    name: "フォローアップメール",
    trigger: { kind: "order_status", status: "completed", delayMinutes: FIVE_DAYS },
    subject: "【{{ショップ名}}】商品はお手元に届きましたでしょうか",
    body: `{{購入者名}} 様

先日は{{ショップ名}}でお買い物いただき、誠にありがとうございました。
ご注文の商品はお手元に届きましたでしょうか。

ご注文番号: {{注文番号}}
{{商品明細}}

商品に不具合などがございましたら、お手数ですがこのメールにご返信ください。
よろしければ、商品のご感想をレビューでお聞かせいただけますと幸いです。

今後とも{{ショップ名}}をよろしくお願いいたします。

${SIGNATURE}
`,
  },
  {
    // Same moment as サンクスメール; the merchant's category adds the product condition, so a buyer of
    // that item gets usage notes instead of the ordinary thanks.
    key: "product_thanks",
    name: "特定商品サンクスメール",
    trigger: { kind: "order_status", status: "confirmed", delayMinutes: 0 },
    subject: "【{{ショップ名}}】ご注文ありがとうございます(注文番号: {{注文番号}})",
    body: `{{購入者名}} 様

このたびは{{ショップ名}}をご利用いただき、誠にありがとうございます。
以下の内容でご注文を承りました。

${ORDER_SUMMARY}

【この商品をお買い上げのお客様へ】
(ここに商品のご利用方法や、お届け後のご案内を入力してください)

発送いたしましたら、あらためてメールでお知らせいたします。

${SIGNATURE}
`,
  },
];
