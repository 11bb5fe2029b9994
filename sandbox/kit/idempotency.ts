import type { Reply } from "./reply.ts";

/**
 * An idempotency key's store, as the services Juchu calls keep one: a key already used replays its
 * first answer, or is refused when the request differs. Only answers the handler says to keep are
 * stored (a refusal for a bad body may be retried with a good one under the same key).
 */
export type IdempotencyStore = Map<string, { fingerprint: string; reply: Reply }>;

/** Key order and spacing are not part of "the same request". */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** What makes two calls "the same request": method, path and the body's content (raw text if not JSON). */
export function fingerprint(
  method: string,
  path: string,
  body: { json: unknown } | { text: string },
): string {
  return `${method} ${path} ${"json" in body ? canonical(body.json ?? null) : body.text}`;
}

/** The earlier answer under this key: the same request replays it, another one conflicts. */
export function earlierAnswer(
  store: IdempotencyStore,
  key: string,
  print: string,
): { replay: Reply } | { conflict: true } | undefined {
  const earlier = store.get(key);
  if (!earlier) return undefined;
  return earlier.fingerprint === print ? { replay: earlier.reply } : { conflict: true };
}

export function remember(store: IdempotencyStore, key: string, print: string, reply: Reply): void {
  store.set(key, { fingerprint: print, reply });
}
