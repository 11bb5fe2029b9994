import type { WarehouseDefinition } from "#server/ports/warehouse.ts";
import { createRslClient } from "./client.ts";

const RSL_API_URL = "https://api.rsl.rakuten.co.jp";

/** 楽天スーパーロジスティクス: a 3PL with a shipment API; results are polled, withdrawal works until picking. */
export const rsl: WarehouseDefinition = {
  kind: "rsl",
  label: "楽天スーパーロジスティクス",
  credentials: [{ key: "apiKey", label: "APIキー", secret: true, minLength: 8, maxLength: 200 }],
  capabilities: { stockRoom: false, withdraw: true, resultsPolling: true, stockSync: false, linkage: true },
  // RSL publishes no rate limit; integrators poll every 15–30 min. One read of the results 10 s after a
  // batch of requests (a few a minute while requests flow, none otherwise) stays far below any limit
  // seen at Rakuten's APIs (~1 request/s).
  resultsFollowUpSeconds: 10,
  createClient: (connection, credentials) =>
    createRslClient({
      baseUrl: connection.baseUrl ?? RSL_API_URL,
      apiKey: credentials.apiKey ?? "",
      ...(connection.timeoutMs ? { timeoutMs: connection.timeoutMs } : {}),
    }),
};
