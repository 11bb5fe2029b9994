import type { ServerResponse } from "node:http";
import type { z } from "zod";

/**
 * Handlers return a Reply instead of writing to the socket, so that a fault can swap the answer after
 * the work was done (a lost answer), the call log sees every status, and an idempotency key can replay
 * the very first answer. The body's shape is each sandbox's: the kit never writes an error body itself.
 */
export type Reply = {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON; absent = no body (204). */
  body?: unknown;
  /** Sent as is, for a fault that answers broken JSON. */
  raw?: string;
};

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply =>
  headers === undefined ? { status, body } : { status, body, headers };

/** Writes the reply, unless the client has gone; `contentType` is how the imitated service spells it. */
export function sendReply(res: ServerResponse, reply: Reply, contentType: string): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  const payload = reply.raw ?? (reply.body === undefined ? undefined : JSON.stringify(reply.body));
  if (payload !== undefined) headers["Content-Type"] = contentType;
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** Control API input checked with zod; the refusal is the sandbox's own shape, built from the issues. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  body: unknown,
  refuse: (issues: z.core.$ZodIssue[]) => Reply,
  params?: Parameters<S["safeParse"]>[1],
): { ok: true; value: z.infer<S> } | { ok: false; reply: Reply } {
  const result = schema.safeParse(body ?? {}, params);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, reply: refuse(result.error.issues) };
}
