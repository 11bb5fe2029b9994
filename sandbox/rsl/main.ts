import { parseArgs } from "node:util";
import { closeOnSignals, wholeNumber } from "../kit/cli.ts";
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

const carrier = values.carrier;
if (carrier !== undefined && !(carrier in CARRIER_NAMES)) {
  console.error(`--carrier must be one of ${Object.keys(CARRIER_NAMES).join(", ")}, got ${carrier}`);
  process.exit(2);
}

const sandbox = await startRslSandbox({
  port: wholeNumber(values.port, "port"),
  host: values.host,
  pickingAfterMinutes: wholeNumber(values["picking-after-minutes"], "picking-after-minutes"),
  shipAfterMinutes: wholeNumber(values["ship-after-minutes"], "ship-after-minutes"),
  parcelCapacity: wholeNumber(values["parcel-capacity"], "parcel-capacity"),
  carrier: carrier as RslCarrier | undefined,
});
console.log(`RSL sandbox listening on ${sandbox.url}`);
console.log(
  `  create a merchant: curl -s -X POST ${sandbox.url}/_sandbox/merchants -d '{"merchantId":"M0001"}'`,
);
closeOnSignals(sandbox);
