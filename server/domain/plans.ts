/**
 * Plans as sets of features (BOSS sells mail automation only from スタンダード up, the mall's inquiry
 * linkage and warehouse linkage with its automation plan). Pure: routes and limit-bearing use cases ask
 * `planRefusal` and throw what it returns.
 */
import { Refusal } from "./refusal.ts";

export const FEATURES = {
  mail_automation: "メール自動送信",
  inquiry_linkage: "モールの問い合わせ連携",
  warehouse_linkage: "倉庫連携(出荷依頼・実績の自動連携)",
  b2b_desk: "BtoB受発注(取引先の発注・キャンセルリクエスト)",
} as const;

export type Feature = keyof typeof FEATURES;
export const FEATURE_CODES = Object.keys(FEATURES) as Feature[];

type PlanDefinition = { label: string; features: readonly Feature[]; shopLimit: number | null };

/** In order from the smallest: the first plan that has a feature is the one a refusal names. */
export const PLANS = {
  light: { label: "ライト", features: [], shopLimit: 1 },
  standard: { label: "スタンダード", features: ["mail_automation"], shopLimit: 3 },
  automation: {
    label: "自動化プラン",
    features: ["mail_automation", "inquiry_linkage", "warehouse_linkage"],
    shopLimit: 5,
  },
  business: { label: "ビジネス", features: FEATURE_CODES, shopLimit: 20 },
  self_hosted: { label: "セルフホスト(すべての機能)", features: FEATURE_CODES, shopLimit: null },
} as const satisfies Record<string, PlanDefinition>;

export type PlanCode = keyof typeof PLANS;
export const PLAN_CODES = Object.keys(PLANS) as PlanCode[];
/** A self-hosted install has every feature on until an operator sets a plan. */
export const DEFAULT_PLAN: PlanCode = "self_hosted";

export function planIncludes(plan: PlanCode, feature: Feature): boolean {
  return (PLANS[plan].features as readonly Feature[]).includes(feature);
}

/** Every plan that has the feature: what a scheduler filters accounts by. */
export function plansWith(feature: Feature): PlanCode[] {
  return PLAN_CODES.filter((p) => planIncludes(p, feature));
}

/** The smallest plan that has the feature, named in the refusal so the merchant knows what to ask for. */
export function featureRefusal(plan: PlanCode, feature: Feature): Refusal | null {
  if (planIncludes(plan, feature)) return null;
  const with_ = PLAN_CODES.find((p) => p !== "self_hosted" && planIncludes(p, feature)) ?? "self_hosted";
  return new Refusal(
    "plan.feature_not_included",
    `${FEATURES[feature]}は現在のプラン(${PLANS[plan].label})に含まれていません。${PLANS[with_].label}以上のプランで使えます。`,
    { rule: `plan.${feature}` },
  );
}

/** Refuses the shop after the plan's last one. */
export function shopLimitRefusal(plan: PlanCode, shopsNow: number): Refusal | null {
  const limit = PLANS[plan].shopLimit;
  if (limit === null || shopsNow < limit) return null;
  const bigger = PLAN_CODES.find((p) => {
    const l = PLANS[p].shopLimit;
    return l === null || l > shopsNow;
  });
  return new Refusal(
    "plan.limit_reached",
    `現在のプラン(${PLANS[plan].label})で登録できるショップは${limit}件までです。${bigger ? `${PLANS[bigger].label}以上のプランで増やせます。` : ""}`,
    { rule: "plan.shop_limit" },
  );
}
