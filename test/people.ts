import type { Role } from "#server/domain/access.ts";
import type { TestApp } from "./app.ts";

/** A browser signed in to the test server: its cookie, the CSRF token its page read, and a caller. */
export type Browser = Awaited<ReturnType<typeof browserFrom>>;

async function browserFrom(t: TestApp, res: Response) {
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the endpoint answered.
  const session: any = await res.json();
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  /** Calls the API with this browser's cookie (and CSRF header on changes). */
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const all: Record<string, string> = { cookie, "x-csrf-token": session.csrfToken, ...headers };
    if (body !== undefined) all["content-type"] = "application/json";
    const r = await fetch(t.url + path, {
      method,
      headers: all,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    const json: any = text ? JSON.parse(text) : null;
    return { status: r.status, body: json };
  }
  return { status: res.status, session, cookie, call };
}

export async function logInAs(t: TestApp, email: string, password: string, userAgent = "TestBrowser/1.0") {
  const res = await fetch(`${t.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": userAgent },
    body: JSON.stringify({ email, password }),
  });
  return browserFrom(t, res);
}

export async function acceptInvitationAt(t: TestApp, url: string, password: string, name?: string) {
  const token = new URL(url).pathname.split("/").at(-1) ?? "";
  const res = await fetch(`${t.url}/api/invitations/${token}/acceptance`, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "InvitedBrowser/2.0" },
    body: JSON.stringify({ password, ...(name ? { name } : {}) }),
  });
  return browserFrom(t, res);
}

let seq = 0;
export const PERSON_PASSWORD = "person password 1";

/** A person of the account `token` belongs to, invited with `role` and signed in through their link. */
export async function personWith(t: TestApp, role: Role, token: string = t.owner.apiToken) {
  const email = `${role}${++seq}-${Date.now()}@example.com`;
  const invited = await t.api(
    "POST",
    "/api/users/invitations",
    { email, name: `${role}さん${seq}`, role },
    token,
  );
  if (invited.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(invited.body)}`);
  const browser = await acceptInvitationAt(t, invited.body.invitation.url, PERSON_PASSWORD);
  if (browser.status !== 201) throw new Error(`acceptance failed: ${JSON.stringify(browser.session)}`);
  return { ...browser, email, userId: invited.body.user.id as string };
}
