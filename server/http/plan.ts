import { createRoute, z } from "@hono/zod-openapi";
import { shopsOf } from "#server/app/account/account-plan.ts";
import type { AppContext } from "#server/app/context.ts";
import { FEATURE_CODES, FEATURES, PLAN_CODES, PLANS, type PlanCode } from "#server/domain/plans.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const planSchema = z
  .object({
    code: z.enum(PLAN_CODES),
    label: z.string(),
    features: z.array(z.enum(FEATURE_CODES)),
    shopLimit: z.number().int().nullable().describe("登録できるショップ数(nullは無制限)"),
  })
  .openapi("Plan");

const presentPlan = (code: PlanCode) => ({
  code,
  label: PLANS[code].label,
  features: [...PLANS[code].features],
  shopLimit: PLANS[code].shopLimit,
});

/** プラン: the account's plan beside every plan, so the screen shows what is locked and where it is. */
export function registerPlanRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/plan",
      summary: "契約中のプランと、プランごとの機能・ショップ数の上限",
      ...requires("plan:read"),
      responses: {
        200: json(
          z.object({
            current: planSchema,
            plans: z.array(planSchema),
            features: z.array(z.object({ code: z.enum(FEATURE_CODES), label: z.string() })),
            usage: z.object({ shops: z.number().int() }),
          }),
          "プラン",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { accountId, plan } = c.get("auth");
      return c.json(
        {
          current: presentPlan(plan),
          plans: PLAN_CODES.map(presentPlan),
          features: FEATURE_CODES.map((code) => ({ code, label: FEATURES[code] })),
          usage: { shops: await shopsOf(ctx.db, accountId) },
        },
        200,
      );
    },
  );
}
