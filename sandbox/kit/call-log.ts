/**
 * Every API call a sandbox received, so a test can count them (how many bulk-upserts for 1,000 SKUs?
 * did the retry reuse its key?) or see what a client sent. Each sandbox adds its own fields (who
 * called, a summary of the body) to these.
 */
export type CallBase = {
  method: string;
  path: string;
  /** On the sandbox clock, as the imitated service writes times. */
  at: string;
  /** null while a delayed call waits, or when its connection was dropped. */
  status: number | null;
  /** The fault that hit the call, by the sandbox's name for it. */
  fault: string | null;
};

/** A long run (the benchmark's 100,000 orders) keeps the latest calls only. */
const KEEP = 20_000;

export function logCall<E extends CallBase>(calls: E[], entry: E): E {
  calls.push(entry);
  if (calls.length > KEEP) calls.splice(0, calls.length - KEEP);
  return entry;
}

/** GET /_sandbox/calls?path=…: the calls under a path prefix. */
export function callsUnder<E extends CallBase>(calls: readonly E[], prefix: string) {
  const items = calls.filter((c) => c.path.startsWith(prefix));
  return { count: items.length, items };
}

function summariseValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length}]`;
  if (value !== null && typeof value === "object") return "{…}";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** A body summarised, never kept whole: a list shows its length, a long string its start. */
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
