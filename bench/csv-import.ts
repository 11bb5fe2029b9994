import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createHttpApp } from "#server/http/app.ts";
import type { RegisterResult } from "./register.ts";
import type { Target } from "./targets.ts";

/** The upload of an order CSV (CSV受注取込), as the API describes it. */
export const CSV_UPLOAD_PATH = "/api/csv-imports";

export type CsvResult =
  | { unavailable: string }
  | { count: number; ms: number; perSecond: number; raw: RegisterResult; rows: string };

/**
 * CSV受注取込 over HTTP: the file POSTed to the real API, its job run by the workers, timed until
 * every order is in the database; against the raw INSERT of as many orders. Skipped with a reason
 * while the API has no such route (it is not built yet on this branch).
 */
export async function benchCsv(t: Target, _count: number): Promise<CsvResult> {
  const app = createHttpApp(t.ctx, { database: t.database.kind, version: "bench" });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const spec = (await (await fetch(`${url}/api/openapi.json`)).json()) as {
      paths?: Record<string, Record<string, unknown>>;
    };
    if (!spec.paths?.[CSV_UPLOAD_PATH]?.post)
      return { unavailable: `the API has no POST ${CSV_UPLOAD_PATH} (CSV受注取込 not built on this code)` };
    return { unavailable: `POST ${CSV_UPLOAD_PATH} exists but this bench does not drive it yet` };
  } finally {
    server.close();
  }
}
