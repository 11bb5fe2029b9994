import { manualClock } from "#sandbox/kit/test-support.ts";
import { startRslSandbox } from "#sandbox/rsl/server.ts";
import type { WarehouseDriver } from "#server/ports/contracts/warehouse.contract.ts";
import type { ShipmentRequest } from "#server/ports/warehouse.ts";
import { rsl } from "#server/warehouses/rsl/index.ts";
import { rslControl } from "../rsl.ts";

const REQUESTS = "/api/v1/shipment-requests";
const RESULTS = "/api/v1/shipment-results";
/** What RSL's client asks per page of 出荷実績 (rsl/client.ts). */
const RESULTS_PAGE_SIZE = 500;
/** The sandbox ships an accepted request within this; the driver moves its clock past it. */
const SHIPPED_WITHIN_MINUTES = 180;
const TIMEOUT_MS = 300;

let serial = 0;

/** A valid request for SKU MUG-1, which every driver's merchant has plenty of. */
export function rslShipmentRequest(extra: Partial<ShipmentRequest> = {}): ShipmentRequest {
  serial += 1;
  const id = `${process.pid}-${serial}`;
  return {
    idempotencyKey: `ship-${id}`,
    shipmentId: `shipment-${id}`,
    slipNumber: `J-${id}`,
    mallOrderNumbers: ["365811-20250610-0000000001", "365811-20250610-0000000002"],
    shipTo: {
      name: "山田 太郎",
      postalCode: "150-0001",
      prefecture: "東京都",
      address1: "渋谷区神宮前1-2-3",
      address2: "",
      phone: "090-1234-5678",
    },
    lines: [{ sku: "MUG-1", quantity: 1 }],
    desiredDeliveryDate: null,
    desiredTimeSlot: null,
    plannedShipDate: null,
    ...extra,
  };
}

export type RslTestMerchant = { merchantId: string; apiKey: string };

/**
 * The RSL sandbox for the warehouse contract and RSL's own quirks: one sandbox on a manual clock,
 * merchants with SKUs on the shelf, and the real RSL client (through its registry definition) over
 * HTTP; `driver` is the contract's, on a fresh merchant per case.
 */
export async function startRslWarehouseSandbox() {
  const clock = manualClock("2025-06-10T10:00:00+09:00");
  const sandbox = await startRslSandbox({ now: clock.now });
  const control = rslControl(sandbox);
  const client = (apiKey: string, timeoutMs?: number) =>
    rsl.createClient({ baseUrl: sandbox.url, timeoutMs }, { apiKey });

  /** A new merchant with these SKUs on the shelf (MUG-1, plenty, by default). */
  async function newMerchant(products = [{ sku: "MUG-1", stock: 100_000 }]): Promise<RslTestMerchant> {
    const merchant = (await control.call("POST", "/merchants", {})) as RslTestMerchant;
    await control.call("PUT", `/merchants/${merchant.merchantId}/products`, products);
    return merchant;
  }

  async function driver(): Promise<WarehouseDriver> {
    const merchant = await newMerchant();
    return {
      client: client(merchant.apiKey),
      newRequest: rslShipmentRequest,
      booked: async (slipNumber) =>
        (await control.requests(merchant.merchantId)).items.filter((r) => r.clientShipmentId === slipNumber)
          .length,
      startPicking: async (reference) => {
        await control.advance(reference, "picking");
      },
      shipAll: async () => clock.advanceMinutes(SHIPPED_WITHIN_MINUTES),
      resultsPageSize: RESULTS_PAGE_SIZE,
      fault: async (call, kind) => {
        const path = call === "request" ? REQUESTS : RESULTS;
        if (kind === "timeout") {
          await control.fault({ path, delayMs: TIMEOUT_MS * 4 });
          return client(merchant.apiKey, TIMEOUT_MS);
        }
        await control.fault({ path, status: 503, processed: kind === "lost_answer" });
        return client(merchant.apiKey);
      },
      wrongCredentials: () => client("rsl_not_a_key"),
    };
  }

  return { sandbox, clock, control, client, newMerchant, driver, close: () => sandbox.close() };
}

export type RslWarehouseSandbox = Awaited<ReturnType<typeof startRslWarehouseSandbox>>;
