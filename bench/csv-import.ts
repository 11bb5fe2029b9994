import { randomBytes, randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { productMappingComponents, productMappings } from "#server/db/schema.ts";
import { createHttpApp } from "#server/http/app.ts";
import { perSecond } from "./lib.ts";
import { type RegisterResult, rawRegister } from "./register.ts";
import { type Count, resetCounts, takeCounts, uncounted } from "./round-trips.ts";
import { ITEM_CODE, type Target } from "./targets.ts";
import { inProcessWorkers } from "./worker-runs.ts";

/** The upload of an order CSV (CSV受注取込), as the API describes it. */
export const CSV_UPLOAD_PATH = "/api/csv-imports";

export type CsvResult =
  | { unavailable: string }
  | { count: number; ms: number; perSecond: number; raw: RegisterResult; counted: Count; status: string };

/**
 * CSV受注取込 over HTTP: a Juchu-template file of `count` one-line orders POSTed to the real API (its
 * header read from the API's own template), the import job run by the workers as `npm start` runs
 * them, timed until the run says it is over; against the raw INSERT of as many orders. Skipped with
 * the reason while the API has no such route.
 */
export async function benchCsv(t: Target, count: number): Promise<CsvResult> {
  const app = createHttpApp(t.ctx, { database: t.database.kind, version: "bench" });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const send = (method: string, path: string, body?: BodyInit, type = "application/json") =>
    fetch(url + path, {
      method,
      headers: { authorization: `Bearer ${t.apiToken}`, ...(body ? { "content-type": type } : {}) },
      ...(body ? { body } : {}),
    });
  const api = async (method: string, path: string, body?: BodyInit, type = "application/json") => {
    // On PGlite the import job shares this process: while it writes a batch, a kept-alive socket can
    // pass the server's 5 s idle limit and close under the next poll. A GET is asked again, as a browser would.
    const res = await send(method, path, body, type).catch((error) => {
      if (method !== "GET") throw error;
      return send(method, path);
    });
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  try {
    const spec = (await api("GET", "/api/openapi.json")).json() as {
      paths?: Record<string, { post?: unknown }>;
    };
    if (!spec.paths?.[CSV_UPLOAD_PATH]?.post)
      return { unavailable: `the API has no POST ${CSV_UPLOAD_PATH} (CSV受注取込 not in this code)` };
    const shop = await api("POST", "/api/shops", JSON.stringify({ channel: "csv", name: "CSVベンチ店" }));
    if (shop.status !== 201 && shop.status !== 200)
      return { unavailable: `POST /api/shops {channel: "csv"} → ${shop.status} ${shop.text.slice(0, 200)}` };
    const shopId = String(shop.json().id);
    await mapItem(t, shopId);
    const file = await templateFile(api, count);

    await t.boss.deleteAllJobs();
    const workers = await inProcessWorkers(t, randomBytes(32))();
    resetCounts();
    const started = performance.now();
    let status = "?";
    try {
      const upload = await api(
        "POST",
        `${CSV_UPLOAD_PATH}?shopId=${shopId}&profileId=juchu&fileName=bench.csv`,
        file,
        "text/csv",
      );
      if (upload.status !== 202)
        return { unavailable: `upload → ${upload.status} ${upload.text.slice(0, 200)}` };
      const id = String(upload.json().id);
      for (;;) {
        const run = await uncounted(() => api("GET", `${CSV_UPLOAD_PATH}/${id}`));
        status = String(run.json().status);
        if (status === "succeeded" || status === "failed") break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } finally {
      await workers.stop();
    }
    const ms = performance.now() - started;
    const counted: Count = { statements: 0, roundTrips: 0 };
    for (const c of takeCounts().values()) {
      counted.statements += c.statements;
      counted.roundTrips += c.roundTrips;
    }
    const { rows } = await t.raw.query("select count(*)::int as n from orders where shop_id = $1", [shopId]);
    const stored = Number(rows[0]?.n);
    const raw = await rawRegister(t, count, 500, "RAWCSV-");
    return { count: stored, ms, perSecond: perSecond(stored, ms), raw, counted, status };
  } finally {
    server.close();
  }
}

/** The bench item mapped for the CSV shop too, so its orders are not held as 商品未登録. */
async function mapItem(t: Target, shopId: string): Promise<void> {
  const mappingId = randomUUID();
  await t.ctx.db.transaction(async (tx) => {
    await tx
      .insert(productMappings)
      .values({ id: mappingId, accountId: t.accountId, shopId, mallItemCode: ITEM_CODE, mallSkuCode: "" });
    await tx.insert(productMappingComponents).values({ mappingId, productId: t.productId, quantity: 1 });
  });
}

/** The API's own template (header + example line), the example repeated as orders CSV-1 … CSV-n. */
async function templateFile(
  api: (method: string, path: string) => Promise<{ status: number; text: string }>,
  count: number,
): Promise<string> {
  const template = await api("GET", "/api/csv-order-template.csv");
  if (template.status !== 200) throw new Error(`GET /api/csv-order-template.csv → ${template.status}`);
  const [header, example = ""] = template.text.replace("\uFEFF", "").split(/\r?\n/);
  const [, ...rest] = example.split(",");
  const line = rest.join(",").replace(/ITEM-001/, ITEM_CODE);
  const lines = [header];
  for (let i = 1; i <= count; i++) lines.push(`CSV-${i},${line}`);
  return `${lines.join("\r\n")}\r\n`;
}
