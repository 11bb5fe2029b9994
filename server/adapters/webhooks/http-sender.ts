import { RESPONSE_BODY_CHARS } from "#server/domain/webhooks.ts";
import type { WebhookSender } from "#server/ports/webhook-sender.ts";

/** A receiver gets this long to answer; a slow one is a failed try, retried later. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * A real HTTP POST with fetch. 2xx is delivered; redirects are not followed (a receiver that moved
 * says so by failing, and its URL is changed by a person); the answer's body is kept only in part.
 */
export function httpWebhookSender(timeoutMs = WEBHOOK_TIMEOUT_MS): WebhookSender {
  return async ({ url, headers, body }) => {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "Juchu-Webhooks/1", ...headers },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await boundedText(res);
      return {
        ok: res.status >= 200 && res.status < 300,
        statusCode: res.status,
        responseBody: text.slice(0, RESPONSE_BODY_CHARS),
        durationMs: elapsed(),
        error: null,
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const timedOut = (error as Error).name === "TimeoutError";
      const why = timedOut
        ? `${timeoutMs / 1000}秒以内に応答がありませんでした`
        : `接続できませんでした${cause ? ` (${cause})` : ""}`;
      return { ok: false, statusCode: null, responseBody: null, durationMs: elapsed(), error: why };
    }
  };
}

/** The start of the answer's body: a receiver answering megabytes is not read to its end. */
async function boundedText(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (text.length >= RESPONSE_BODY_CHARS) {
      await reader.cancel();
      break;
    }
  }
  return text.slice(0, RESPONSE_BODY_CHARS);
}
