import assert from "node:assert/strict";
import type { TestApp } from "./app.ts";

/** A browser on the buyer portal: keeps the buyer cookie and sends the CSRF header on changes. */
export function buyerBrowser(t: TestApp) {
  let cookie = "";
  let csrf = "";
  async function call(method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (csrf && method !== "GET") headers["x-csrf-token"] = csrf;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(t.url + path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = res.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0] ?? "";
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the endpoint answered.
    const json: any = text ? JSON.parse(text) : null;
    if (json?.csrfToken) csrf = json.csrfToken;
    return { status: res.status, body: json };
  }
  return { call, cookie: () => cookie };
}

export type BuyerBrowser = ReturnType<typeof buyerBrowser>;

/** A 取引先 with one ship-to and one signed-in buyer, made through the merchant's API as `token`. */
export async function companyWithBuyer(
  t: TestApp,
  code: string,
  options: { rank?: string; token?: string } = {},
) {
  const { token } = options;
  const company = await t.api(
    "POST",
    "/api/b2b/companies",
    { name: `株式会社${code}`, code, paymentTerms: "invoice", closingDay: 20, rank: options.rank ?? null },
    token,
  );
  assert.equal(company.status, 201, JSON.stringify(company.body));
  const shipTo = await t.api(
    "POST",
    `/api/b2b/companies/${company.body.id}/ship-to`,
    {
      label: "本社",
      name: `株式会社${code} 購買部`,
      postalCode: "100-0001",
      prefecture: "東京都",
      address1: "千代田区千代田1-1",
      phone: "03-1234-5678",
    },
    token,
  );
  assert.equal(shipTo.status, 201, JSON.stringify(shipTo.body));
  const invited = await t.api(
    "POST",
    `/api/b2b/companies/${company.body.id}/buyers`,
    { email: `buyer-${code.toLowerCase()}-${Date.now()}@example.com`, name: "発注 太郎" },
    token,
  );
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  const browser = buyerBrowser(t);
  const invitationToken = String(invited.body.invitation.url).split("/").at(-1);
  const accepted = await browser.call("POST", `/api/buyer/invitations/${invitationToken}/acceptance`, {
    password: "buyer password 1",
  });
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  return {
    companyId: company.body.id as string,
    shipToId: shipTo.body.id as string,
    buyerId: invited.body.buyer.id as string,
    email: invited.body.buyer.email as string,
    browser,
  };
}
