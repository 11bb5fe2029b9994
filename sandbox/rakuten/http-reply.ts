import type { z } from "zod";
import { json, parseInput, type Reply } from "../kit/reply.ts";

export { json, type Reply };

/**
 * The RMS gateway's own errors, in front of every API: `{"Results":{"errorCode","message"}}`.
 * ES01-01 Un-Authorised (HTTP 401) and ES04-01 Bad Request are what shops see in the wild; the other
 * codes are the sandbox's (README).
 */
export const gatewayError = (status: number, errorCode: string, message: string): Reply =>
  json(status, { Results: { errorCode, message } });

export const gateway = {
  unauthorised: () => gatewayError(401, "ES01-01", "Un-Authorised"),
  badRequest: () => gatewayError(400, "ES04-01", "Bad Request"),
  unsupportedMediaType: () => gatewayError(415, "ES04-02", "Unsupported Media Type"),
  notFound: () => gatewayError(404, "ES02-01", "Not Found"),
  methodNotAllowed: () => gatewayError(405, "ES02-02", "Method Not Allowed"),
  tooManyRequests: () => ({
    ...gatewayError(429, "ES03-01", "Too Many Requests"),
    headers: { "Retry-After": "1" },
  }),
  internalError: () => gatewayError(500, "ES99-01", "Internal Server Error"),
  unavailable: () => gatewayError(503, "ES99-02", "Service Unavailable"),
};

/** Control API refusals: `{ error, detail, fields? }`, fields naming what to fix. */
export const controlError = (
  status: number,
  error: string,
  detail: string,
  fields?: { field: string; message: string }[],
): Reply => json(status, fields === undefined ? { error, detail } : { error, detail, fields });

export function invalidInput(issues: z.core.$ZodIssue[]): Reply {
  const fields = issues.flatMap((issue) => {
    const at = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((k) => ({ field: at === "" ? k : `${at}.${k}`, message: "unknown field" }));
    }
    return [{ field: at === "" ? "(body)" : at, message: issue.message }];
  });
  const detail = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  return controlError(400, "invalid_input", detail, fields);
}

export function parseWith<S extends z.ZodType>(schema: S, body: unknown) {
  return parseInput(schema, body, invalidInput);
}
