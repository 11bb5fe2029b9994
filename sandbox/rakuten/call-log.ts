/**
 * Every RMS call the sandbox received, so a test can count them (how many bulk-upserts for 1,000
 * SKUs?) or see what a client sent. The body is summarised, never kept whole: a list shows its
 * length, a long string its start.
 */

export type CallEntry = {
  method: string;
  path: string;
  /** ISO instant on the sandbox clock. */
  at: string;
  shopId: string | null;
  summary: string;
  /** null while a timeout fault holds the request. */
  status: number | null;
  fault: string | null;
};

const KEEP = 20_000;

function summariseValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length}]`;
  if (value !== null && typeof value === "object") return "{…}";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

export function summariseBody(text: string): string {
  if (text.trim() === "") return "";
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `(not JSON, ${text.length} bytes)`;
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) return summariseValue(body);
  return Object.entries(body)
    .map(([k, v]) => (Array.isArray(v) ? `${k}${summariseValue(v)}` : `${k}=${summariseValue(v)}`))
    .join(" ");
}

export function logCall(calls: CallEntry[], entry: CallEntry): CallEntry {
  calls.push(entry);
  if (calls.length > KEEP) calls.splice(0, calls.length - KEEP);
  return entry;
}
