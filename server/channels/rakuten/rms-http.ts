import { MallError } from "#server/ports/mall.ts";

/**
 * One RMS call over HTTP with the ESA header — a POST or PATCH of JSON, or a GET whose parameters are
 * in the path's query (問い合わせ管理API) — its failures turned into MallErrors that say whether a
 * retry can help. What the body means is the caller's business.
 */

export type RakutenCredentials = { serviceSecret: string; licenseKey: string };

export type RmsAnswer = { status: number; json: unknown; retryAfterMs: number | null };

export type RmsMethod = "GET" | "POST" | "PATCH";

export type RmsHttp = (path: string, body: unknown, method?: RmsMethod) => Promise<RmsAnswer>;

const isTimeout = (cause: unknown) => cause instanceof Error && cause.name === "TimeoutError";

export function rmsHttp(baseUrl: string, credentials: RakutenCredentials, timeoutMs: number): RmsHttp {
  const auth = `ESA ${Buffer.from(`${credentials.serviceSecret}:${credentials.licenseKey}`).toString("base64")}`;

  // The timeout covers the body too: a mall that sends headers and then stalls is as late as one
  // that never answers.
  const lost = (path: string, cause: unknown): MallError =>
    isTimeout(cause)
      ? new MallError("rakuten.timeout", `楽天RMSが${timeoutMs / 1000}秒以内に応答しませんでした (${path})`, {
          retryable: true,
          cause,
        })
      : new MallError("rakuten.unreachable", `楽天RMSに接続できないか、応答が途中で切れました (${path})`, {
          retryable: true,
          cause,
        });

  // A kept-alive connection the far side has just closed fails before any answer; for a read that
  // changes nothing at the mall one more try on a fresh connection is safe (a write is never repeated).
  const call: RmsHttp = async (path, body, method = "POST") => {
    try {
      return await once(path, body, method);
    } catch (error) {
      const read = method === "GET" || /\/(searchOrder|getOrder)\/$|\/bulk-get$/.test(path);
      if (!read || !(error instanceof MallError) || error.code !== "rakuten.unreachable") throw error;
      return once(path, body, method);
    }
  };
  return call;

  async function once(path: string, body: unknown, method: RmsMethod): Promise<RmsAnswer> {
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      // The inquiry API's doc asks for the JSON Content-Type on its GETs too.
      const res = await fetch(baseUrl + path, {
        method,
        headers: { authorization: auth, "content-type": "application/json; charset=utf-8" },
        body: method === "GET" ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      retryAfter = res.headers.get("retry-after");
      text = await res.text();
    } catch (cause) {
      throw lost(path, cause);
    }
    if (status === 401 || status === 403) {
      throw new MallError(
        "rakuten.auth_failed",
        `楽天RMSの認証に失敗しました (HTTP ${status})。serviceSecret と licenseKey、ライセンスキーの有効期限を確認してください。`,
        { retryable: false, credentials: true },
      );
    }
    const retryAfterMs = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : null;
    // 429 is answered to the caller (the stock push waits and tries again); the rest of 5xx is the mall's.
    if (status === 429) return { status, json: null, retryAfterMs };
    if (status >= 500) {
      throw new MallError(
        "rakuten.unavailable",
        `楽天RMSが一時的に応答できません (HTTP ${status}, ${path})`,
        {
          retryable: true,
        },
      );
    }
    if (status === 204 || text === "") return { status, json: null, retryAfterMs };
    try {
      return { status, json: JSON.parse(text), retryAfterMs };
    } catch (cause) {
      throw new MallError("rakuten.malformed_response", `楽天RMSの応答がJSONとして読めません (${path})`, {
        retryable: true,
        cause,
      });
    }
  }
}
