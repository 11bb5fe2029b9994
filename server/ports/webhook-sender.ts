/** One signed POST to a receiver's URL, and what came back: an answer, or why none came. */
export type WebhookRequest = { url: string; headers: Record<string, string>; body: string };

export type WebhookAnswer =
  | { ok: boolean; statusCode: number; responseBody: string; durationMs: number; error: null }
  | { ok: false; statusCode: null; responseBody: null; durationMs: number; error: string };

/** Never throws for the receiver's sake: a refused connection, a timeout or a 500 are all answers to record. */
export type WebhookSender = (request: WebhookRequest) => Promise<WebhookAnswer>;
