import { parseArgs } from "node:util";
import { startRakutenSandbox } from "./server.ts";

/**
 * `node sandbox/rakuten/main.ts --port 4010` — the Rakuten RMS sandbox on its own, for the demo and
 * for poking at it with curl (README.md has the whole API). Ctrl-C stops it.
 */

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    "order-fix-delay-ms": { type: "string" },
    "cancel-fix-delay-ms": { type: "string" },
    "upserts-per-second": { type: "string" },
  },
});

const number = (text: string | undefined, name: string): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number ≥ 0, got ${text}`);
    process.exit(2);
  }
  return n;
};

const sandbox = await startRakutenSandbox({
  port: number(values.port, "port"),
  host: values.host,
  orderFixDelayMs: number(values["order-fix-delay-ms"], "order-fix-delay-ms"),
  cancelFixDelayMs: number(values["cancel-fix-delay-ms"], "cancel-fix-delay-ms"),
  inventoryUpsertsPerSecond: number(values["upserts-per-second"], "upserts-per-second"),
});
console.log(`Rakuten RMS sandbox listening on ${sandbox.url}`);
console.log(`  create a shop: curl -s -X POST ${sandbox.url}/_sandbox/shops -d '{"shopId":"365811"}'`);

const stop = () => {
  sandbox.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
