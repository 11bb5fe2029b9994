import { z } from "zod";
import { json, parseInput, type Reply } from "../kit/reply.ts";

export { json, type Reply };

export type RslError = { code: string; field?: string; message: string };

/** RSL's one error shape, for its API and the control API alike. */
export const errors = (status: number, list: RslError[]): Reply => ({ status, body: { errors: list } });

export const error = (status: number, code: string, message: string, field?: string): Reply =>
  errors(status, [field === undefined ? { code, message } : { code, field, message }]);

export const unauthorised = () => error(401, "E0001", "認証に失敗しました");
export const notFound = () => error(404, "E1404", "指定された出荷依頼が見つかりません");

const ja = z.locales.ja().localeError;

function refuseInput(issues: z.core.$ZodIssue[]): Reply {
  const list = issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    return field === ""
      ? { code: "sandbox.invalid_input", message: issue.message }
      : { code: "sandbox.invalid_input", field, message: issue.message };
  });
  return errors(400, list);
}

/** Control API input, checked with zod and refused in RSL's shape with Japanese messages. */
export function parseWith<S extends z.ZodType>(schema: S, body: unknown) {
  return parseInput(schema, body, refuseInput, { error: ja });
}
