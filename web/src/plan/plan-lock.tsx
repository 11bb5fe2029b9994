import type { ReactNode } from "react";
import type { Feature, PlanOverview } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { useFeature } from "../session/can.tsx";

/** The smallest plan that has the feature (the server names the same one in its 403). */
export function smallestPlanWith(overview: PlanOverview, feature: Feature): string | undefined {
  return overview.plans.find((p) => p.code !== "self_hosted" && p.features.includes(feature))?.label;
}

/**
 * A screen whose feature is outside the account's plan: shown locked with the plan that has it, not
 * as an error. The children (the real screen) render only when the plan includes the feature.
 */
export function FeatureGate({
  feature,
  title,
  nav,
  children,
}: {
  feature: Feature;
  title: string;
  /** The area's sub-menu, so its other pages stay reachable. */
  nav?: ReactNode;
  children: ReactNode;
}) {
  if (useFeature(feature)) return children;
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{title}</h1>
      </header>
      {nav}
      <PlanLocked feature={feature} />
    </section>
  );
}

export function PlanLocked({ feature }: { feature: Feature }) {
  const { data } = useApi<PlanOverview>("/api/plan");
  const label = data?.features.find((f) => f.code === feature)?.label;
  const smallest = data && smallestPlanWith(data, feature);
  return (
    <div className="card plan-locked" role="note" aria-label="プラン外の機能">
      <p className="plan-locked-title">
        <span aria-hidden="true">🔒</span> このプランには含まれていません{smallest && `(${smallest}以上)`}
      </p>
      {data && (
        <p className="muted">
          {label ?? feature}は現在のプラン({data.current.label})では使えません。
          プランの変更は運用担当者にお問い合わせください。
        </p>
      )}
    </div>
  );
}

/** Beside a menu entry whose feature is outside the plan; read out as (プラン外). */
export function LockMark() {
  return (
    <span className="lock-mark" title="このプランには含まれていません">
      <span aria-hidden="true"> 🔒</span>
      <span className="visually-hidden">(プラン外)</span>
    </span>
  );
}
