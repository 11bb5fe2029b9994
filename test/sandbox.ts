import { sendJson } from "#sandbox/kit/test-support.ts";

/**
 * A call to a sandbox's control API (/_sandbox/…) at `url`: the answer's JSON (null when empty);
 * an error status throws, named after the sandbox, so a test's set-up fails where it went wrong.
 */
export function sandboxCall(url: string, name = "sandbox") {
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the sandbox answered.
  return async (method: string, path: string, body?: unknown): Promise<any> => {
    const res = await sendJson(`${url}/_sandbox${path}`, method, body);
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${name} ${method} ${path} → ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
}
