import { parseArgs } from "node:util";
import { closeOnSignals, wholeNumber } from "../kit/cli.ts";
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

const sandbox = await startRakutenSandbox({
  port: wholeNumber(values.port, "port"),
  host: values.host,
  orderFixDelayMs: wholeNumber(values["order-fix-delay-ms"], "order-fix-delay-ms"),
  cancelFixDelayMs: wholeNumber(values["cancel-fix-delay-ms"], "cancel-fix-delay-ms"),
  inventoryUpsertsPerSecond: wholeNumber(values["upserts-per-second"], "upserts-per-second"),
});
console.log(`Rakuten RMS sandbox listening on ${sandbox.url}`);
console.log(`  create a shop: curl -s -X POST ${sandbox.url}/_sandbox/shops -d '{"shopId":"365811"}'`);
closeOnSignals(sandbox);
