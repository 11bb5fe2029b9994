import { parseArgs } from "node:util";
import { startRslSandbox } from "./server.ts";
import { CARRIER_NAMES, type RslCarrier } from "./state.ts";

/**
 * `node sandbox/rsl/main.ts --port 4020` — the RSL sandbox on its own, for the demo and for poking at
 * it with curl (README.md has the whole API). Ctrl-C stops it.
 */

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4020" },
    host: { type: "string", default: "127.0.0.1" },
    "picking-after-minutes": { type: "string" },
    "ship-after-minutes": { type: "string" },
    "parcel-capacity": { type: "string" },
    carrier: { type: "string" },
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

const carrier = values.carrier;
if (carrier !== undefined && !(carrier in CARRIER_NAMES)) {
  console.error(`--carrier must be one of ${Object.keys(CARRIER_NAMES).join(", ")}, got ${carrier}`);
  process.exit(2);
}

const sandbox = await startRslSandbox({
  port: number(values.port, "port"),
  host: values.host,
  pickingAfterMinutes: number(values["picking-after-minutes"], "picking-after-minutes"),
  shipAfterMinutes: number(values["ship-after-minutes"], "ship-after-minutes"),
  parcelCapacity: number(values["parcel-capacity"], "parcel-capacity"),
  carrier: carrier as RslCarrier | undefined,
});
console.log(`RSL sandbox listening on ${sandbox.url}`);
console.log(
  `  create a merchant: curl -s -X POST ${sandbox.url}/_sandbox/merchants -d '{"merchantId":"M0001"}'`,
);

const stop = () => {
  sandbox.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
