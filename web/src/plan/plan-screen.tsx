import type { Plan, PlanOverview } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count } from "../format.ts";
import { SettingsNav } from "../settings/settings-nav.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";

const shops = (plan: Plan) => (plan.shopLimit === null ? "無制限" : `${plan.shopLimit}件まで`);

/** プラン: what this account's plan includes and how much of it is used, beside the other plans. Read only. */
export function PlanScreen() {
  const plan = useApi<PlanOverview>("/api/plan");
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>プラン</h1>
      </header>
      <SettingsNav />
      <ErrorNotice error={plan.error} />
      {!plan.data ? <Loading /> : <PlanDetails overview={plan.data} />}
    </section>
  );
}

function PlanDetails({ overview }: { overview: PlanOverview }) {
  const { current, plans, features, usage } = overview;
  return (
    <>
      <article className="card" aria-labelledby="current-plan">
        <h2 id="current-plan">
          現在のプラン: <strong>{current.label}</strong>
        </h2>
        <dl className="facts">
          <dt>ショップ</dt>
          <dd>
            {count(usage.shops)}件 使用中 / {shops(current)}
          </dd>
          {features.map((f) => (
            <FeatureFact key={f.code} label={f.label} included={current.features.includes(f.code)} />
          ))}
        </dl>
        <p className="muted">プランの変更は運用担当者にお問い合わせください。</p>
      </article>
      <div className="table-wrap">
        <table className="table plans-table">
          <caption>プランごとの機能</caption>
          <thead>
            <tr>
              <th>機能</th>
              {plans.map((p) => (
                <th key={p.code} scope="col" aria-current={p.code === current.code ? "true" : undefined}>
                  {p.label}
                  {p.code === current.code && <span className="badge badge-ok">現在</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">ショップ数</th>
              {plans.map((p) => (
                <td key={p.code}>{shops(p)}</td>
              ))}
            </tr>
            {features.map((f) => (
              <tr key={f.code}>
                <th scope="row">{f.label}</th>
                {plans.map((p) => (
                  <td key={p.code}>{p.features.includes(f.code) ? "○" : "—"}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function FeatureFact({ label, included }: { label: string; included: boolean }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{included ? "○ 含まれています" : "— 含まれていません"}</dd>
    </>
  );
}
