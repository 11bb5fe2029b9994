/** A problem+json answer: `detail` is the rule's reason in Japanese, `errors` the fields at fault. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly rule: string | undefined;
  readonly errors: { path: string; message: string }[];

  constructor(status: number, body: Partial<ApiError> | null) {
    const detail = body?.detail ?? `サーバーが応答しませんでした(${status})。`;
    super(detail);
    this.status = status;
    this.code = body?.code ?? "network";
    this.detail = detail;
    this.rule = body?.rule;
    this.errors = body?.errors ?? [];
  }
}

let csrfToken: string | null = null;
const signedOutListeners = new Set<() => void>();

/** The session's CSRF token, sent on every request that changes something (the cookie alone is not enough). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, { detail: "サーバーに接続できません。ネットワークを確認してください。" });
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = new ApiError(res.status, data as Partial<ApiError> | null);
    if (res.status === 401 && path !== "/api/session") for (const listener of signedOutListeners) listener();
    throw error;
  }
  return data as T;
}

/** A query string from the set values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "" && value !== false)
      search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
