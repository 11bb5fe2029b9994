import { z } from "@hono/zod-openapi";
import type { Permission } from "#server/domain/access.ts";
import type { Feature } from "#server/domain/plans.ts";
import { authorize } from "./auth.ts";

/** The problem+json body of every refusal (problem.ts writes it). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    code: z.string(),
    detail: z.string(),
    rule: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          rule: z.string().optional().describe("破ったルール(CSVの行ごとの報告など)"),
        }),
      )
      .optional(),
  })
  .openapi("Problem");

/** Shared pieces of every route's OpenAPI description. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { "application/json": { schema } } },
});

const problem = (description: string) => ({
  content: { "application/problem+json": { schema: problemSchema } },
  description,
});

export const errorResponses = {
  401: problem("認証が必要"),
  403: problem("権限がない(auth.forbidden)か、プランに含まれない機能(plan.feature_not_included)"),
  404: problem("見つからない(他のアカウントのIDを含む)"),
  409: problem("ルールにより拒否"),
  422: problem("入力の誤り"),
};

/** Either one: a Bearer API token (scripts) or the admin UI's session cookie with its CSRF header. */
export const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

/**
 * What a route needs, declared on the route itself: spread into `createRoute`. It checks the
 * permission (and the plan's feature) before the handler, and publishes both in openapi.json as
 * `x-permission` / `x-feature`, where the role walk in access.test.ts reads them.
 */
export function requires(permission: Permission, feature?: Feature) {
  return {
    security,
    middleware: [authorize(permission, feature)],
    "x-permission": permission,
    ...(feature ? { "x-feature": feature } : {}),
  };
}

/** Routes about the signed-in user themself (their password, their sessions): any role may call them. */
export const signedIn = { security, "x-permission": "signed_in" } as const;
