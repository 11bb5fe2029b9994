/** A problem+json answer: `detail` is the rule's reason in Japanese, `errors` the fields at fault. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly rule: string | undefined;
  /** Each field at fault; `rule` names the rule broken where the server says it (a CSV row's check). */
  readonly errors: { path: string; message: string; rule?: string }[];

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

/** The admin's and the buyer portal's log-in routes. */
const LOG_INS = ["/api/session", "/api/buyer/session"];

type Body = { json: unknown } | { file: Blob; type: string };

async function send(method: string, path: string, accept: string, body?: Body): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (body) headers["content-type"] = "json" in body ? "application/json" : body.type;
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(body ? { body: "json" in body ? JSON.stringify(body.json) : body.file } : {}),
    });
  } catch {
    throw new ApiError(0, { detail: "サーバーに接続できません。ネットワークを確認してください。" });
  }
  if (!res.ok) {
    const data: unknown = await res.json().catch(() => null);
    const error = new ApiError(res.status, data as Partial<ApiError> | null);
    // A wrong password at a log-in form is a refusal, not a session that ended.
    if (res.status === 401 && !LOG_INS.includes(path)) for (const listener of signedOutListeners) listener();
    throw error;
  }
  return res;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, "application/json", body === undefined ? undefined : { json: body });
  if (res.status === 204) return undefined as T;
  return (await res.json().catch(() => null)) as T;
}

/** A file as the body (e.g. a carrier's CSV export), sent byte for byte; the answer is JSON. */
export async function upload<T>(path: string, file: Blob, type: string): Promise<T> {
  const res = await send("POST", path, "application/json", { file, type });
  return (await res.json()) as T;
}

/**
 * A PDF or CSV from the API, saved under the server's file name. Through fetch rather than a plain
 * link so a refusal (422 with its errors) comes back as an ApiError the screen can show.
 */
export async function download(method: "GET" | "POST", path: string, body?: unknown): Promise<void> {
  const res = await send(method, path, "*/*", body === undefined ? undefined : { json: body });
  const disposition = res.headers.get("content-disposition") ?? "";
  const encoded = disposition.match(/filename\*=UTF-8''([^;]+)/)?.[1];
  const name = encoded
    ? decodeURIComponent(encoded)
    : (disposition.match(/filename="([^"]+)"/)?.[1] ?? "download");
  saveFile(await res.blob(), name);
}

/** Hands a file to the browser's downloads under the given name. */
export function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click returns; later is only for slow machines.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
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
