import type { z } from "@hono/zod-openapi";
import { problemSchema } from "./order-schemas.ts";

/** Shared pieces of every route's OpenAPI description. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

const problem = (description: string) => ({
  content: { "application/problem+json": { schema: problemSchema } },
  description,
});

export const errorResponses = {
  401: problem("認証が必要"),
  404: problem("見つからない(他のアカウントのIDを含む)"),
  409: problem("ルールにより拒否"),
  422: problem("入力の誤り"),
};

/** Either one: a Bearer API token (scripts) or the admin UI's session cookie with its CSRF header. */
export const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
