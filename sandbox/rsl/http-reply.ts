import { z } from "zod";

/**
 * Handlers return a Reply instead of writing to the socket, so that a fault can swap the answer after
 * the work was done (a lost answer), the call log sees every status, and an Idempotency-Key can
 * replay the very first answer.
 */

export type Reply = { status: number; headers?: Record<string, string>; body?: unknown };

export type RslError = { code: string; field?: string; message: string };

export const json = (status: number, body: unknown): Reply => ({ status, body });

/** RSL's one error shape, for its API and the control API alike. */
export const errors = (status: number, list: RslError[]): Reply => ({ status, body: { errors: list } });

export const error = (status: number, code: string, message: string, field?: string): Reply =>
  errors(status, [field === undefined ? { code, message } : { code, field, message }]);

export const unauthorised = () => error(401, "E0001", "認証に失敗しました");
export const notFound = () => error(404, "E1404", "指定された出荷依頼が見つかりません");

const ja = z.locales.ja().localeError;

/** Control API input, checked with zod and refused in RSL's shape with Japanese messages. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  body: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; reply: Reply } {
  const result = schema.safeParse(body ?? {}, { error: ja });
  if (result.success) return { ok: true, value: result.data };
  const list = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    return field === ""
      ? { code: "sandbox.invalid_input", message: issue.message }
      : { code: "sandbox.invalid_input", field, message: issue.message };
  });
  return { ok: false, reply: errors(400, list) };
}
