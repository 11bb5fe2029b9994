import type { AttachedTag } from "./order.ts";
import type { SystemTagCode } from "./system-tags.ts";

/** Where the order screen sends the merchant to clear a hold: a button or a link it shows by it. */
export type HoldAction =
  | "refetch"
  | "recordPayment"
  | "mapItem"
  | "editOrder"
  | "requestShipment"
  | "withdrawShipment"
  | "removeTag"
  | "addStock";

export type HoldGuide = { why: string; howToClear: string; action: HoldAction | null };

/** Each system tag: why it stops (or marks) the order, and what clears it — in one place. */
export const SYSTEM_TAG_GUIDES = {
  unmapped_item: {
    why: "商品マスタに紐付いていない商品があるため、在庫を引き当てられません。",
    howToClear: "商品を紐付けると自動で外れ、注文が先に進みます。",
    action: "mapItem",
  },
  withdrawn: {
    why: "倉庫への出荷依頼を取り下げました。",
    howToClear: "内容を直して再依頼するか、不要ならキャンセルしてください。",
    action: "requestShipment",
  },
  warehouse_rejected: {
    why: "倉庫が出荷依頼を受け付けませんでした(理由は履歴にあります)。",
    howToClear: "原因を直してから再依頼してください。",
    action: "requestShipment",
  },
  warehouse_unshippable: {
    why: "倉庫が受け付けた後、出荷できませんでした(欠品など)。",
    howToClear: "倉庫の在庫を確かめて再依頼するか、キャンセルしてください。",
    action: "requestShipment",
  },
  mall_reflection_error: {
    why: "モールへの反映(注文確認・出荷報告・キャンセル)に失敗しました。",
    howToClear: "「再取得」でモールの今の状態を確かめ、解消していればタグを外してください。",
    action: "refetch",
  },
  address_error: {
    why: "送付先の住所が欠けているか、郵便番号と都道府県が一致しません。",
    howToClear: "「受注を修正」で送付先を直すと自動で外れ、注文が先に進みます。",
    action: "editOrder",
  },
  payment_overdue: {
    why: "前払いの入金が期日を過ぎても確認できていません。",
    howToClear: "入金を確認したら「入金を記録」してください。自動で外れます。",
    action: "recordPayment",
  },
  stock_short: {
    why: "引き当てに必要な在庫が足りません。",
    howToClear: "入荷して在庫を増やすと自動で引き当てます。数量を減らすなら「受注を修正」。",
    action: "addStock",
  },
  amount_undetermined: {
    why: "モールで送料などの請求金額がまだ確定していません。モールの金額を待っています。",
    howToClear:
      "モールの管理画面で金額を確定すると、次の取込で自動で外れます。今すぐ確かめるなら「再取得」。",
    action: "refetch",
  },
  total_mismatch: {
    why: "単価・オプション金額・送料・手数料から計算した請求金額が、モールの請求金額と一致しません(両方の金額は履歴にあります)。",
    howToClear:
      "オプション金額をモールの管理画面で請求に反映すると次の取込で、オプション金額表を直すとその場で自動で外れます。「再取得」で今すぐ確かめられます。",
    action: "refetch",
  },
  mall_order_changed: {
    why: "取込の後、モール側で商品明細(商品・数量・単価)が変更されました。",
    howToClear: "モールの明細に合わせて「受注を修正」し、タグを外してください。",
    action: "editOrder",
  },
  mall_cancelled: {
    why: "モール側でキャンセルされましたが、倉庫で出荷作業中か、すでに出荷済みです。",
    howToClear: "出荷依頼を取り下げるか、返品の対応をしてからタグを外してください。",
    action: "withdrawShipment",
  },
  gift_address_pending: {
    why: "ギフトの受取人がまだ住所を入力していません。",
    howToClear: "受取人が入力すると次の取込で自動で外れます。今すぐ確かめるなら「再取得」。",
    action: "refetch",
  },
  withdrawal_refused: {
    why: "倉庫が取下げを受け付けませんでした(作業開始済み)。荷物は出荷されます。",
    howToClear: "配送業者への連絡か返品の対応をしてから、タグを外してください。",
    action: "removeTag",
  },
  inquiry_cancel_requested: {
    why: "購入者から問い合わせでキャンセルの希望がありました(自動キャンセルは無効)。",
    howToClear: "キャンセルするか、購入者に確認して出荷を続けるならタグを外してください。",
    action: "removeTag",
  },
  inquiry_cancel_not_stopped: {
    why: "購入者からキャンセルの希望がありましたが、倉庫が出荷を止められませんでした。",
    howToClear: "配送業者への連絡か返品の対応をしてから、タグを外してください。",
    action: "removeTag",
  },
  inquiry_cancel_shipped: {
    why: "購入者からキャンセルの希望がありましたが、すでに出荷済みです。",
    howToClear: "返品の対応を購入者と相談してから、タグを外してください。",
    action: "removeTag",
  },
  unknown_mall_value: {
    why: "モールから、Juchuが知らない決済方法または受注ステータスが届きました(値は履歴にあります)。推測せずに保留しています。",
    howToClear:
      "ショップ設定の「マスタ管理」でその値を登録してから「再取得」すると自動で外れます(受注ステータスはモールで進むと外れます)。",
    action: "refetch",
  },
  unknown_mall_value_notice: {
    why: "モールから、Juchuが知らない配送会社が届きました。表示だけに使う値のため、注文は止めていません。",
    howToClear:
      "ショップ設定の「マスタ管理」でその配送会社を登録すると、次の取込(または「再取得」)で自動で外れます。",
    action: "refetch",
  },
  time_slot_unavailable: {
    why: "お届け希望時間帯を配送会社が扱っていないか、商品の配送条件で受け付けていません(理由は履歴にあります)。",
    howToClear: "お客様と相談して「受注を修正」で時間帯を直し、タグを外してください。",
    action: "editOrder",
  },
  delivery_conditions_conflict: {
    why: "1つの荷物の商品で、配送条件の物流会社か配送会社が異なります(商品は履歴にあります)。",
    howToClear: "出荷を分けるか商品の配送条件を揃えてから、タグを外してください。",
    action: "removeTag",
  },
} as const satisfies Record<SystemTagCode, HoldGuide>;

/** What a 確認済 order waits for with no tag (domain/order.ts waitingFor). */
export const WAITING_GUIDES = {
  入金待ち: {
    why: "前払いの支払方法で、入金がまだ確認できていません。",
    howToClear: "入金を確認したら「入金を記録」してください。注文が先に進みます。",
    action: "recordPayment",
  },
  在庫引当待ち: {
    why: "在庫が足りず、引き当てが済んでいません。",
    howToClear: "入荷して在庫を増やすと自動で引き当てます。",
    action: "addStock",
  },
} as const satisfies Record<string, HoldGuide>;

const CUSTOM_HOLD: HoldGuide = {
  why: "保留タグが付いています(手動、またはタグのルールで付きました)。",
  howToClear: "確認が済んだらタグを外してください。注文が先に進みます。",
  action: "removeTag",
};

export type OrderHold = HoldGuide & { name: string; tagId: string | null; hold: boolean };

/** The order's holds and marks, each with why and how to clear it; what it waits for comes last. */
export function holdGuides(tags: readonly AttachedTag[], waitingFor: readonly string[]): OrderHold[] {
  const fromTags = tags.flatMap((t): OrderHold[] => {
    const guide: HoldGuide | undefined = t.systemCode
      ? SYSTEM_TAG_GUIDES[t.systemCode as SystemTagCode]
      : t.hold
        ? CUSTOM_HOLD
        : undefined;
    return guide ? [{ ...guide, name: t.name, tagId: t.tagId, hold: t.hold }] : [];
  });
  const waiting = waitingFor.flatMap((w): OrderHold[] => {
    const guide: HoldGuide | undefined = WAITING_GUIDES[w as keyof typeof WAITING_GUIDES];
    return guide ? [{ ...guide, name: w, tagId: null, hold: true }] : [];
  });
  return [...fromTags, ...waiting];
}
