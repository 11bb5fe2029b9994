import type { SystemTagCode } from "./system-tags.ts";

/**
 * 要対応: which group each system tag falls in and what the merchant does about it. The words are the
 * board's; the web app only adds where each thing is done.
 */
export const ATTENTION_GROUPS = ["error", "hold", "payment", "address", "stock"] as const;
export type AttentionGroup = (typeof ATTENTION_GROUPS)[number];

export const ATTENTION_GROUP_LABELS: Record<AttentionGroup, string> = {
  error: "エラー",
  hold: "保留",
  payment: "入金待ち",
  address: "住所エラー",
  stock: "在庫待ち",
};

const TAG_ACTIONS: Record<SystemTagCode, { group: AttentionGroup; action: string }> = {
  unmapped_item: {
    group: "hold",
    action: "注文の商品を商品マスタに紐付けてください。紐付けると注文は自動で先へ進みます。",
  },
  withdrawn: {
    group: "hold",
    action: "取り下げた理由を解決し、出荷一覧で再依頼するか注文をキャンセルしてください。",
  },
  warehouse_rejected: {
    group: "error",
    action: "注文の履歴で倉庫のエラー内容を確かめ、直してから再依頼してください。",
  },
  warehouse_unshippable: {
    group: "error",
    action: "倉庫が出荷できなかった理由(欠品など)を確かめ、再依頼するかキャンセルしてください。",
  },
  mall_reflection_error: {
    group: "error",
    action: "注文の履歴でモールの応答を確かめ、モールの管理画面で同じ操作をしてからタグを外してください。",
  },
  address_error: {
    group: "address",
    action: "お客様に住所を確かめ、送付先を直してください。直すとタグは自動で外れます。",
  },
  payment_overdue: {
    group: "payment",
    action: "お客様に入金をお願いするか、入金を確認したら入金済にしてください。",
  },
  stock_short: {
    group: "stock",
    action: "在庫が足りない商品を入荷・在庫登録してください。入ると自動で引当てます。",
  },
  amount_undetermined: {
    group: "hold",
    action: "モールの管理画面で送料・金額を確定してください。次の取込で自動で外れます。",
  },
  total_mismatch: {
    group: "hold",
    action:
      "履歴で両方の金額を確かめ、オプション金額をモールの請求に反映するかオプション金額表を直してください。一致すると自動で外れます。",
  },
  mall_order_changed: {
    group: "hold",
    action: "モールで変わった明細を確かめ、この注文の明細を直してからタグを外してください。",
  },
  mall_cancelled: {
    group: "error",
    action: "モールでキャンセルされた注文です。倉庫から取り下げるか、返品として扱ってください。",
  },
  gift_address_pending: {
    group: "hold",
    action: "贈り先のお客様が住所を入力するのを待っています。次の取込で自動で外れます。",
  },
  withdrawal_refused: {
    group: "error",
    action: "倉庫が出荷を止められませんでした。配送業者に連絡するか、返品として扱ってください。",
  },
  inquiry_cancel_requested: {
    group: "hold",
    action: "購入者がキャンセルを希望しています。キャンセルするか、確認のうえタグを外してください。",
  },
  inquiry_cancel_not_stopped: {
    group: "error",
    action:
      "キャンセル希望の注文を倉庫が止められませんでした。配送業者に連絡するか、返品として扱ってください。",
  },
  inquiry_cancel_shipped: {
    group: "error",
    action: "出荷済みの注文にキャンセルの希望がありました。返品の対応を購入者と相談してください。",
  },
  unknown_mall_value: {
    group: "hold",
    action: "ショップ設定の「マスタ管理」でモールのコードを登録し、注文を再取得してください。",
  },
  unknown_mall_value_notice: {
    group: "hold",
    action: "ショップ設定の「マスタ管理」でモールのコードを登録してください。次の取込で自動で外れます。",
  },
  time_slot_unavailable: {
    group: "hold",
    action:
      "お届け希望時間帯が配送会社か商品の配送条件で指定できません。お客様と相談して時間帯を直してください。",
  },
  delivery_conditions_conflict: {
    group: "hold",
    action: "同じ荷物の商品で物流会社・配送会社が異なります。出荷を分けるか配送条件を揃えてください。",
  },
};

const CUSTOM_HOLD = {
  group: "hold" as const,
  action: "タグの理由を確かめ、解決したらタグを外してください。外すと注文は自動で先へ進みます。",
};

export function tagAttention(systemCode: string | null): { group: AttentionGroup; action: string } {
  return (systemCode && TAG_ACTIONS[systemCode as SystemTagCode]) || CUSTOM_HOLD;
}
