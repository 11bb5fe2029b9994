import type { MailFacts } from "./facts.ts";
import { itemsTable } from "./items-table.ts";
import { japaneseDateTime, japaneseDay, yen } from "./text-format.ts";

type Placeholder = {
  name: string;
  description: string;
  example: string;
  render: (facts: MailFacts) => string;
};

// Several parcels (複数口) each get a line; the renderer indents the lines after the first.
const perParcel = (
  facts: MailFacts,
  pick: (p: NonNullable<MailFacts["shipment"]>["parcels"][number]) => string,
) =>
  (facts.shipment?.parcels ?? [])
    .map(pick)
    .filter((line) => line !== "")
    .join("\n");

const discount = (amount: number): string => (amount > 0 ? yen(-amount) : yen(0));

/** Rendered as written, in this order, in the template editor's list and in refusal messages. */
const PLACEHOLDERS: readonly Placeholder[] = [
  { name: "ショップ名", description: "ショップの名前", example: "お茶の山田園", render: (f) => f.shopName },
  {
    name: "注文番号",
    description: "モールの注文番号",
    example: "123456-20261201-0000001",
    render: (f) => f.orderNumber,
  },
  {
    name: "注文日時",
    description: "注文を受けた日時(日本時間)",
    example: "2026年12月1日 09:05",
    render: (f) => japaneseDateTime(f.orderedAt),
  },
  { name: "購入者名", description: "購入者の氏名", example: "山田 太郎", render: (f) => f.buyerName },
  {
    name: "購入者メールアドレス",
    description: "購入者のメールアドレス",
    example: "taro@example.jp",
    render: (f) => f.buyerEmail,
  },
  { name: "送付先名", description: "お届け先の氏名", example: "山田 花子", render: (f) => f.shipTo.name },
  {
    name: "送付先住所",
    description: "お届け先の郵便番号と住所",
    example: "〒150-0001 東京都渋谷区神宮前1-2-3 山田ビル201",
    render: ({ shipTo: s }) =>
      `〒${s.postalCode.replace(/^(\d{3})(\d{4})$/, "$1-$2")} ${s.prefecture}${s.address1}${s.address2 ? ` ${s.address2}` : ""}`,
  },
  {
    name: "商品明細",
    description: "商品名・数量・金額の一覧(1商品1行)",
    example: "煎茶 100g  × 2  ¥2,160",
    render: (f) => itemsTable(f.items),
  },
  { name: "小計", description: "商品代金の合計", example: "¥2,160", render: (f) => yen(f.subtotal) },
  {
    name: "送料",
    description: "送料(未確定なら「未確定」)",
    example: "¥550",
    render: (f) => yen(f.shippingFee),
  },
  {
    name: "手数料",
    description: "決済・代引などの手数料(未確定なら「未確定」)",
    example: "¥330",
    render: (f) => yen(f.fees),
  },
  {
    name: "クーポン値引",
    description: "クーポンによる値引額(マイナス表示)",
    example: "-¥300",
    render: (f) => discount(f.couponDiscount),
  },
  {
    name: "ポイント利用",
    description: "ポイントで支払われた額(マイナス表示)",
    example: "-¥100",
    render: (f) => discount(f.pointsUsed),
  },
  {
    name: "合計金額",
    description: "お支払い合計(未確定なら「未確定」)",
    example: "¥2,640",
    render: (f) => yen(f.total),
  },
  {
    name: "支払方法",
    description: "お支払い方法",
    example: "クレジットカード",
    render: (f) => f.paymentMethodLabel,
  },
  {
    name: "お届け希望日",
    description: "お届け希望日(なければ「指定なし」)",
    example: "2026年12月5日",
    render: (f) => (f.desiredDeliveryDate ? japaneseDay(f.desiredDeliveryDate) : "指定なし"),
  },
  {
    name: "お届け時間帯",
    description: "お届け希望時間帯(なければ「指定なし」)",
    example: "14時～16時",
    render: (f) => f.desiredTimeSlot ?? "指定なし",
  },
  {
    name: "配送会社",
    description: "出荷した配送会社(出荷メールのみ。複数なら1社1行)",
    example: "ヤマト運輸",
    render: (f) => [...new Set(perParcel(f, (p) => p.carrierLabel).split("\n"))].join("\n"),
  },
  {
    name: "伝票番号",
    description: "送り状の追跡番号(出荷メールのみ。複数口なら1個1行)",
    example: "1234-5678-9012",
    render: (f) => perParcel(f, (p) => p.trackingNumber),
  },
  {
    name: "配送状況確認URL",
    description: "配送会社の追跡ページ(出荷メールのみ。複数口なら1個1行)",
    example: "https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=123456789012",
    render: (f) => perParcel(f, (p) => p.trackingUrl ?? ""),
  },
  {
    name: "出荷日",
    description: "出荷した日(出荷メールのみ)",
    example: "2026年12月2日",
    render: (f) => (f.shipment ? (f.shipment.shippedOn ? japaneseDay(f.shipment.shippedOn) : "未定") : ""),
  },
  {
    name: "出荷番号",
    description: "Juchuの出荷番号(出荷メールのみ)",
    example: "S-000123-1",
    render: (f) => f.shipment?.slipNumber ?? "",
  },
  {
    name: "キャンセル理由",
    description: "キャンセルの理由(あれば)",
    example: "お客様のご都合によるキャンセル",
    render: (f) => f.cancelReason ?? "",
  },
  {
    name: "会社名",
    description: "発注した取引先の会社名(企業間取引の注文のみ)",
    example: "株式会社テスト商事",
    render: (f) => f.companyName ?? "",
  },
  {
    name: "拒否理由",
    description: "キャンセルリクエストを拒否した理由(入力した場合のみ)",
    example: "出荷準備済みのため",
    render: (f) => f.refusalReason ?? "",
  },
  {
    name: "顧客ランク",
    description: "注文時の顧客ランク(顧客ランク設定。なければ空)",
    example: "ゴールド",
    render: (f) => f.customerRank ?? "",
  },
];

export const MAIL_PLACEHOLDERS: readonly { name: string; description: string; example: string }[] =
  PLACEHOLDERS.map(({ name, description, example }) => ({ name, description, example }));

const BY_NAME = new Map(PLACEHOLDERS.map((p) => [p.name, p]));

/** The text a placeholder stands for, or undefined for a name that is not one. */
export function placeholderValue(name: string, facts: MailFacts): string | undefined {
  return BY_NAME.get(name)?.render(facts);
}

export const isPlaceholder = (name: string): boolean => BY_NAME.has(name);
