import { CARRIERS, isCarrier } from "./carrier.ts";
import { type CandidateCategory, chooseCategories } from "./mail/category-choice.ts";
import { billedTotal } from "./order-edit.ts";
import { PAYMENT_METHODS } from "./payment.ts";

/**
 * テスト取込の確認 (the seed's checks 1–10): for one test-imported order, each field Juchu derived,
 * green or red with why, so the merchant sees what the import made of the mall's order before sync.
 */
export const IMPORT_CHECK_FIELDS = {
  warehouse: "物流会社",
  carrier: "配送会社",
  shipDate: "出荷予定日",
  desiredDelivery: "お届け希望日",
  sender: "送付元住所",
  remarksWish: "備考欄の希望日時",
  payment: "決済方法",
  optionAmount: "オプション金額",
  billedTotal: "請求金額",
  mails: "送信されるメール",
} as const;

export type ImportCheckField = keyof typeof IMPORT_CHECK_FIELDS;
export type FieldCheck = { field: ImportCheckField; label: string; ok: boolean; value: string; why: string };

/** The sender the order's parcel prints (domain/ship-from.ts senderOf: the shop's 送付元 or the warehouse's ご依頼主). */
export type ResolvedSender = { name: string; postalCode: string; prefecture: string; address1: string };

export type ImportCheckInput = {
  warehouse: { name: string } | null;
  /** The order's first live parcel. */
  shipment: {
    carrier: string | null;
    calendarShipDate: string | null;
    expectedDeliveryDate: string | null;
  } | null;
  desiredDeliveryDate: string | null;
  desiredTimeSlot: string | null;
  remarks: string | null;
  sender: ResolvedSender | null;
  paymentMethod: string;
  mallPaymentLabel: string | null;
  items: readonly { name: string; selectedChoice: string; optionAmount: number; quantity: number }[];
  parts: {
    subtotal: number;
    shippingFee: number | null;
    fees: number | null;
    couponDiscount: number;
    pointsUsed: number;
  };
  /** 請求金額 as the mall gave it at import (kept apart when a person edited it since). */
  mallTotal: number | null;
  /** The automatic mails the order would get (mailsFor). */
  mails: readonly string[];
};

const yen = (n: number) => `${n.toLocaleString("ja-JP")}円`;
/** A date or time written in free text: 12/24, 12月24日, 2026-12-24, 14時, 午前中. */
const WISH_IN_TEXT = /\d{1,4}[/-]\d{1,2}|\d{1,2}月\d{1,2}日|\d{1,2}時|午前中|午後/;
/** A surcharge written in a choice: (+500円), ＋300円. */
const PRICED_CHOICE = /[+＋]\s*[\d,]+\s*円/;

export function checkImportedOrder(o: ImportCheckInput): FieldCheck[] {
  const row = (field: ImportCheckField, ok: boolean, value: string, why: string): FieldCheck => ({
    field,
    label: IMPORT_CHECK_FIELDS[field],
    ok,
    value,
    why,
  });
  const warehouse = o.warehouse?.name ?? null;
  const carrier = o.shipment?.carrier;
  const wishOk =
    !o.desiredDeliveryDate || !o.shipment?.expectedDeliveryDate
      ? true
      : o.desiredDeliveryDate >= o.shipment.expectedDeliveryDate;
  const wish = [o.desiredDeliveryDate, o.desiredTimeSlot].filter(Boolean).join(" ");
  const unreadWish = !wish && WISH_IN_TEXT.test(o.remarks ?? "");
  const paymentLabel = (PAYMENT_METHODS as Record<string, string>)[o.paymentMethod];
  const optionTotal = o.items.reduce((sum, i) => sum + i.optionAmount * i.quantity, 0);
  const unpricedChoices = o.items.filter((i) => i.optionAmount === 0 && PRICED_CHOICE.test(i.selectedChoice));
  const computed = billedTotal(o.parts);
  return [
    warehouse
      ? row("warehouse", true, warehouse, "ショップの出荷元倉庫")
      : row("warehouse", false, "—", "出荷元の倉庫が決まっていません"),
    carrier && isCarrier(carrier)
      ? row("carrier", true, CARRIERS[carrier].label, "商品の配送条件から")
      : row(
          "carrier",
          warehouse !== null,
          `倉庫の既定(${warehouse ?? "—"})`,
          "配送条件の指定がないため倉庫の既定",
        ),
    o.shipment?.calendarShipDate
      ? row("shipDate", true, o.shipment.calendarShipDate, "倉庫のカレンダーから")
      : row("shipDate", false, "—", "倉庫のカレンダーから出荷予定日が決まっていません"),
    !o.desiredDeliveryDate
      ? row("desiredDelivery", true, "指定なし", "購入者の指定はありません")
      : wishOk
        ? row("desiredDelivery", true, o.desiredDeliveryDate, "お届け予定日以降です")
        : row(
            "desiredDelivery",
            false,
            o.desiredDeliveryDate,
            `お届け予定日(${o.shipment?.expectedDeliveryDate})より前です`,
          ),
    o.sender
      ? row(
          "sender",
          true,
          `${o.sender.name} 〒${o.sender.postalCode} ${o.sender.prefecture}${o.sender.address1}`,
          "送付元(ご依頼主)の設定から",
        )
      : row("sender", false, "—", "送付元住所(ご依頼主)が設定されていません"),
    unreadWish
      ? row(
          "remarksWish",
          false,
          "読み取れず",
          "備考欄に日時らしい記載がありますが、お届け希望日時になっていません",
        )
      : row(
          "remarksWish",
          true,
          wish || "指定なし",
          wish ? "お届け希望日時として取り込み済み" : "備考欄に指定はありません",
        ),
    paymentLabel && o.paymentMethod !== "other"
      ? row("payment", true, paymentLabel, "モールの決済方法から")
      : row(
          "payment",
          false,
          o.mallPaymentLabel ?? o.paymentMethod,
          "Juchuの決済方法に対応づけられていません(入金確認・代引の扱いが決まりません)",
        ),
    unpricedChoices.length > 0
      ? row(
          "optionAmount",
          false,
          yen(optionTotal),
          `選択肢に金額がありますが、オプション金額が0円です(${unpricedChoices.map((i) => i.name).join("、")})`,
        )
      : row(
          "optionAmount",
          true,
          yen(optionTotal),
          optionTotal > 0 ? "選択肢の金額から" : "オプション金額はありません",
        ),
    computed === null || o.mallTotal === null
      ? row("billedTotal", false, "未確定", "送料または手数料が未確定です")
      : computed === o.mallTotal
        ? row("billedTotal", true, yen(computed), "モールの請求金額と一致しています")
        : row(
            "billedTotal",
            false,
            yen(computed),
            `モールの請求金額(${yen(o.mallTotal)})と${yen(Math.abs(computed - o.mallTotal))}違います`,
          ),
    o.mails.length > 0
      ? row("mails", true, o.mails.join("、"), "ショップのメール設定から")
      : row("mails", false, "なし", "このショップから自動送信されるメールがありません"),
  ];
}

/** A mail category as the shop sends it: when it fires, and the template it uses. */
export type ShopMailCategory = CandidateCategory & {
  name: string;
  triggerKind: string;
  triggerStatus: string;
};

/**
 * Which automatic mails the order would get over its life: per status change, the categories the shop
 * sends as the dispatcher chooses them (a product's own thanks mail replaces the general one).
 */
export function mailsFor(
  categories: readonly ShopMailCategory[],
  orderProductIds: ReadonlySet<string>,
): ShopMailCategory[] {
  const moments = new Map<string, ShopMailCategory[]>();
  for (const c of categories) {
    const key = `${c.triggerKind}:${c.triggerStatus}`;
    moments.set(key, [...(moments.get(key) ?? []), c]);
  }
  return [...moments.values()].flatMap((moment) => chooseCategories(moment, orderProductIds));
}
