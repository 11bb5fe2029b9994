import { setAccountPlan } from "#server/app/account/set-account-plan.ts";
import type { Config } from "#server/config.ts";
import { openDatabase } from "#server/db/database.ts";
import { FEATURE_CODES, FEATURES, PLAN_CODES, PLANS } from "#server/domain/plans.ts";
import { Refusal } from "#server/domain/refusal.ts";

/** `account plan --list`: every plan with its features and shop limit, and what each feature is. */
export function printPlans(): number {
  for (const code of PLAN_CODES) {
    const plan = PLANS[code];
    const features = plan.features.map((f) => FEATURES[f]).join("、") || "なし";
    const shops = plan.shopLimit === null ? "無制限" : `${plan.shopLimit}件まで`;
    console.log(`${code}\t${plan.label}\tショップ${shops}\t機能: ${features}`);
  }
  console.log("");
  for (const code of FEATURE_CODES) console.log(`${code}\t${FEATURES[code]}`);
  return 0;
}

/**
 * `account plan --account <id or e-mail> --plan <code>`: an operator sets what an account may use. The
 * server reads the plan on the next request, so it need not be restarted.
 */
export async function runAccountPlan(config: Config, account: string, plan: string): Promise<number> {
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    const change = await setAccountPlan(database.db, { account, plan });
    console.log(JSON.stringify(change));
    console.error(
      `事業者「${change.accountName}」のプランを${PLANS[change.before].label}から${PLANS[change.after].label}に変えました。` +
        (change.shopsOverLimit > 0
          ? `ショップが上限より${change.shopsOverLimit}件多くあります(今あるショップはそのまま使えますが、追加はできません)。`
          : ""),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    console.error(`エラー: ${error.detail}`);
    return error.code === "validation.failed" ? 2 : 1;
  } finally {
    await database.close();
  }
}
