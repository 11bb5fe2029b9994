import { WarehouseError } from "#server/ports/warehouse.ts";

/**
 * One call to RSL's API: JSON with the merchant's Bearer key, its transport failures turned into
 * WarehouseErrors that say whether a retry can help. Every status RSL answers about the request
 * itself (2xx, 4xx) comes back to the caller; what it means is the caller's business.
 */

export type RslAnswer = { status: number; json: unknown };

export type RslHttp = (
  method: "GET" | "POST",
  path: string,
  init?: { body?: unknown; idempotencyKey?: string },
) => Promise<RslAnswer>;

const isTimeout = (cause: unknown) => cause instanceof Error && cause.name === "TimeoutError";

export function rslHttp(baseUrl: string, apiKey: string, timeoutMs: number): RslHttp {
  const base = baseUrl.replace(/\/+$/, "");
  return async (method, path, init = {}) => {
    let status = 0;
    let text = "";
    // A socket the server closed while idle fails the next call on it; every RSL call is a GET or a
    // POST with an Idempotency-Key, so one fresh try is safe and hides that race from the job.
    for (let attempt = 1; ; attempt++) {
      try {
        // The timeout covers the body too: a warehouse that sends headers and then stalls is as late
        // as one that never answers.
        const res = await fetch(base + path, {
          method,
          headers: {
            authorization: `Bearer ${apiKey}`,
            ...(init.body === undefined ? {} : { "content-type": "application/json; charset=utf-8" }),
            ...(init.idempotencyKey === undefined ? {} : { "idempotency-key": init.idempotencyKey }),
          },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = res.status;
        text = await res.text();
        break;
      } catch (cause) {
        if (isTimeout(cause)) {
          throw new WarehouseError(
            "rsl.timeout",
            `RSLが${timeoutMs / 1000}秒以内に応答しませんでした (${path})`,
            {
              retryable: true,
            },
          );
        }
        if (attempt >= 2) {
          throw new WarehouseError(
            "rsl.unreachable",
            `RSLに接続できないか、応答が途中で切れました (${path})`,
            {
              retryable: true,
            },
          );
        }
      }
    }
    if (status === 401 || status === 403) {
      throw new WarehouseError(
        "rsl.auth_failed",
        `RSLの認証に失敗しました (HTTP ${status})。倉庫設定のRSL APIキーが正しいか確認してください。`,
        { retryable: false },
      );
    }
    if (status === 429) {
      throw new WarehouseError(
        "rsl.rate_limited",
        `RSLの呼び出し回数の制限を超えました (HTTP 429, ${path})`,
        {
          retryable: true,
        },
      );
    }
    if (status >= 500) {
      throw new WarehouseError("rsl.unavailable", `RSLが一時的に応答できません (HTTP ${status}, ${path})`, {
        retryable: true,
      });
    }
    try {
      return { status, json: text === "" ? null : JSON.parse(text) };
    } catch {
      throw malformed(path);
    }
  };
}

/** An answer that is not what RSL documents: retried, since a proxy's error page is the usual cause. */
export const malformed = (path: string) =>
  new WarehouseError("rsl.malformed_response", `RSLの応答を読み取れません (${path})`, { retryable: true });
