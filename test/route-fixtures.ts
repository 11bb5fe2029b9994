/**
 * One real record of each kind in the first account, so a walk over openapi.json can call every route
 * with ids that exist: the bad-input sweep, the role walk and the tenancy sweep share them.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { TestApp } from "./app.ts";
import { newProduct, orderBody } from "./catalog-api.ts";
import { savedInquiry } from "./inquiries.ts";
import { type Operation, operationsOf, sampleOf } from "./openapi-samples.ts";

/** The kind of record a path segment before `{id}` names. */
const RESOURCE: Record<string, string> = {
  orders: "order",
  shops: "shop",
  tags: "tag",
  products: "product",
  "product-mappings": "mapping",
  warehouses: "warehouse",
  shipments: "shipment",
  "mail-categories": "category",
  "mail-templates": "template",
  mails: "mail",
  standard: "standardKey",
  "csv-order-profiles": "csvProfile",
  "csv-imports": "csvImport",
  "product-imports": "productImport",
  "saved-searches": "savedSearch",
  "order-exports": "orderExport",
  "order-bulk-runs": "bulkRun",
  inquiries: "inquiry",
  users: "user",
  "api-tokens": "apiToken",
  sessions: "session",
  webhooks: "webhook",
  companies: "company",
};

export type RouteFixtures = {
  /** Real ids by kind (`order`, `shop` …), filled further by `idFor` for routes added later. */
  ids: Record<string, string>;
  idFor(op: Operation, param: string): Promise<string>;
  urlOf(op: Operation, pathValues?: Record<string, string>, query?: Record<string, string>): Promise<string>;
  bodyOf(op: Operation): Promise<unknown>;
  /** Paths whose id no fixture or create found: walked with a random id, named in the tests' diagnostics. */
  guessed: Set<string>;
};

export async function routeFixtures(t: TestApp): Promise<RouteFixtures> {
  const ids: Record<string, string> = {};
  const shopId: string = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  ids.shop = shopId;
  ids.product = await newProduct(t, "BAD-1", 5);
  ids.mapping = (
    await t.api("POST", "/api/product-mappings", {
      shopId,
      mallItemCode: "bad-1",
      components: [{ productId: ids.product, quantity: 1 }],
    })
  ).body.id;
  const order = (
    await t.api("POST", "/api/orders", orderBody(shopId, "B-1", [{ mallItemCode: "bad-1", quantity: 2 }]))
  ).body;
  ids.order = order.id;
  ids.shipment = order.shipments[0].id;
  ids.item = order.items[0].id;
  ids.tag = (await t.api("POST", "/api/tags", { name: "確認", hold: false, color: "#d9534f" })).body.id;
  ids.warehouse = (await t.api("GET", "/api/warehouses")).body.items[0].id;
  ids.standardKey = (await t.api("GET", "/api/mail-templates/standard")).body.items[0].key;
  const copied = (await t.api("POST", `/api/mail-templates/standard/${ids.standardKey}/copy`)).body;
  ids.category = copied.categoryId;
  ids.template = copied.templateId;
  ids.mail = randomUUID();
  const transport = {
    host: "127.0.0.1",
    port: 25,
    secure: false,
    fromAddress: "shop@example.jp",
    fromName: "店",
  };
  assert.equal((await t.api("PUT", `/api/shops/${shopId}/mail-transport`, transport)).status, 200);
  ids.csvProfile = (
    await t.api("POST", "/api/csv-order-profiles", {
      name: "自社",
      encoding: "auto",
      headerRow: false,
      dateFormat: "yyyyMMdd",
      columns: Object.fromEntries(
        ["orderNumber", "buyerName", "buyerEmail", "shipToName", "shipToPostalCode", "shipToAddress1"]
          .concat(["shipToPhone", "paymentMethod", "itemCode", "itemName", "unitPrice", "quantity"])
          .map((f, i) => [f, [String(i + 1)]]),
      ),
    })
  ).body.id;
  const csvImport = await fetch(`${t.url}/api/csv-imports?shopId=${shopId}&profileId=juchu`, {
    method: "POST",
    headers: { authorization: `Bearer ${t.owner.apiToken}`, "content-type": "text/csv" },
    body: "注文番号\r\n",
  });
  ids.csvImport = ((await csvImport.json()) as { id: string }).id;
  const itemShop = (await t.api("POST", "/api/shops", { channel: "rakuten", name: "商品CSV店" })).body.id;
  const productImport = await fetch(`${t.url}/api/product-imports?shopId=${itemShop}`, {
    method: "POST",
    headers: { authorization: `Bearer ${t.owner.apiToken}`, "content-type": "text/csv" },
    body: "商品管理番号（商品URL）,商品名,SKU管理番号\r\n",
  });
  ids.productImport = ((await productImport.json()) as { id: string }).id;
  ids.savedSearch = (
    await t.api("POST", "/api/saved-searches", {
      screen: "orders",
      name: "確認待",
      query: "status=awaiting_confirmation",
    })
  ).body.id;
  ids.orderExport = (
    await t.api("POST", "/api/order-exports", { filter: {}, columns: ["orderNumber"], encoding: "utf8" })
  ).body.id;
  ids.bulkRun = (
    await t.api("POST", "/api/order-bulk-runs", {
      action: "attachTag",
      tagId: ids.tag,
      filter: { q: "該当なし" },
    })
  ).body.id;
  ids.inquiry = await savedInquiry(t, shopId);
  ids.user = (
    await t.api("POST", "/api/users/invitations", {
      email: "bad-input@example.com",
      name: "招待",
      role: "staff",
    })
  ).body.user.id;
  // Not the token the walk calls with: revoking that one would end the walk.
  ids.apiToken = (
    await t.api("POST", "/api/api-tokens", { name: "試し", scopes: ["orders:read"] })
  ).body.apiToken.id;
  // A bearer token has no sessions: the route refuses it whatever the id.
  ids.session = randomUUID();
  ids.webhook = (
    await t.api("POST", "/api/webhooks", { url: "http://127.0.0.1:9/hook", events: ["order.cancelled"] })
  ).body.endpoint.id;
  await t.api("POST", `/api/webhooks/${ids.webhook}/test`);
  await t.runDueJobs("webhook-dispatch");
  ids.delivery = (await t.api("GET", `/api/webhooks/${ids.webhook}/deliveries`)).body.items[0].id;
  ids.company = (
    await t.api("POST", "/api/b2b/companies", { name: "取引先", code: "BAD-1", paymentTerms: "invoice" })
  ).body.id;
  ids.dest = (
    await t.api("POST", `/api/b2b/companies/${ids.company}/mail-destinations`, { email: "buy@example.com" })
  ).body.id;
  ids.shipTo = (
    await t.api("POST", `/api/b2b/companies/${ids.company}/ship-to`, {
      label: "本社",
      name: "購買部",
      postalCode: "100-0001",
      prefecture: "東京都",
      address1: "千代田区千代田1-1",
      phone: "03-1234-5678",
    })
  ).body.id;
  ids.buyer = (
    await t.api("POST", `/api/b2b/companies/${ids.company}/buyers`, {
      email: "buyer@example.com",
      name: "発注者",
    })
  ).body.buyer.id;
  for (const [kind, id] of Object.entries(ids)) assert.ok(id, `no ${kind} to test with`);

  const guessed = new Set<string>();
  const operations = operationsOf((await t.api("GET", "/api/openapi.json")).body);

  /**
   * A route added after these fixtures still gets a real id when its collection has a create that a
   * sample body passes: a record of the walk's own. Never the first of a list: that may be what the
   * walk stands on (the owner's token), and a delete on it would end the walk.
   */
  async function discovered(collection: string, pattern: string): Promise<string | undefined> {
    const create = operations.find((o) => o.method === "POST" && o.path === pattern);
    if (!create || create.body === "csv") return undefined;
    const made = await t.api("POST", collection, await bodyOf(create));
    if (made.status >= 300) return undefined;
    const body = made.body ?? {};
    return body.id ?? Object.values<{ id?: string }>(body).find((v) => typeof v?.id === "string")?.id;
  }

  async function idFor(op: Operation, param: string): Promise<string> {
    const segments = op.path.split("/");
    const at = segments.indexOf(`{${param}}`);
    if (at < 0) {
      const kind = param.replace(/Ids?$/, "");
      return ids[kind === "leadShipment" ? "shipment" : kind] ?? randomUUID();
    }
    // `{deliveryId}` names its kind itself; `{id}` is named by the segment before it.
    const named = param === "id" ? "" : param.replace(/Id$/, "");
    const segment = segments[at - 1] ?? "";
    const kind = ids[named] ? named : (RESOURCE[segment] ?? segment);
    if (ids[kind]) return ids[kind];
    const schema = op.params.find((p) => p.name === param)?.schema ?? {};
    if (schema.format !== "uuid") return String(sampleOf(schema, () => randomUUID()));
    const pattern = segments.slice(0, at).join("/");
    let collection = pattern;
    for (const p of op.params.filter((x) => x.in === "path" && pattern.includes(`{${x.name}}`)))
      collection = collection.replace(`{${p.name}}`, await idFor(op, p.name));
    const found = await discovered(collection, pattern);
    if (found) ids[kind] = found;
    else guessed.add(op.path);
    return found ?? randomUUID();
  }

  async function urlOf(
    op: Operation,
    pathValues: Record<string, string> = {},
    query: Record<string, string> = {},
  ) {
    let path = op.path;
    for (const p of op.params.filter((x) => x.in === "path")) {
      path = path.replace(`{${p.name}}`, pathValues[p.name] ?? (await idFor(op, p.name)));
    }
    // A required query (the shop of an order line …) gets this account's id or a sample.
    const required: Record<string, string> = {};
    for (const q of op.params.filter((x) => x.in === "query" && x.required))
      required[q.name] = String(
        q.schema.format === "uuid" ? await idFor(op, q.name) : sampleOf(q.schema, () => ""),
      );
    const search = new URLSearchParams({ ...required, ...query }).toString();
    return search ? `${path}?${search}` : path;
  }

  async function bodyOf(op: Operation): Promise<unknown> {
    if (op.body === "csv") return "出荷番号,伝票番号\n";
    if (!op.body) return undefined;
    const fields: Record<string, string> = {};
    const body = op.body;
    // sampleOf asks for ids synchronously: look the fields' ids up first.
    const collect = (s: unknown, key = ""): void => {
      if (!s || typeof s !== "object") return;
      const o = s as Record<string, unknown>;
      if (o.format === "uuid") fields[key] = "";
      for (const [k, v] of Object.entries(o.properties ?? {})) collect(v, k);
      if (o.items) collect(o.items, key.replace(/s$/, ""));
      for (const b of ["anyOf", "oneOf", "allOf"]) for (const v of (o[b] as unknown[]) ?? []) collect(v, key);
    };
    collect(body);
    for (const key of Object.keys(fields)) fields[key] = await idFor({ ...op, path: "" }, key);
    return sampleOf(body, (field) => fields[field] ?? randomUUID());
  }

  return { ids, idFor, urlOf, bodyOf, guessed };
}
