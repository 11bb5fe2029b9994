import { shiftedNow } from "../kit/clock.ts";
import type { IdempotencyStore } from "../kit/idempotency.ts";
import type { CallEntry } from "./call-log.ts";
import type { Fault } from "./faults.ts";
import type { ShipmentInput } from "./shipment-input.ts";

/**
 * Everything the sandbox warehouse holds, in memory. Tests reach it through `sandbox.state` when a
 * control call would be clumsy; reset() empties it in place so references held elsewhere stay valid.
 */

export const CARRIER_NAMES = { japanpost: "日本郵便", yamato: "ヤマト運輸", sagawa: "佐川急便" } as const;
export type RslCarrier = keyof typeof CARRIER_NAMES;

export type RslSandboxOptions = {
  port?: number;
  host?: string;
  /** The warehouse's clock; every date it writes and every step of the work runs on it. */
  now?: () => Date;
  pickingAfterMinutes?: number;
  shipAfterMinutes?: number;
  /** Units that fit in one box; more go in further boxes (複数口). */
  parcelCapacity?: number;
  carrier?: RslCarrier;
};

export type Settings = {
  pickingAfterMinutes: number;
  shipAfterMinutes: number;
  parcelCapacity: number;
  carrier: RslCarrier;
};

export type Merchant = {
  merchantId: string;
  apiKey: string;
  /** Every SKU is known with unlimited stock, except those given a stock on purpose. */
  autoRegisterProducts: boolean;
  /** 商品マスタ: SKU → units on the shelf. */
  products: Map<string, number>;
  /** 出荷番号 → its latest request: only one can be active, so the latest tells whether a new one may start. */
  bySlip: Map<string, ShipmentRecord>;
  /** Idempotency-Key → the first request's fingerprint and the answer it got. */
  answered: IdempotencyStore;
  /** Every result in the order it happened; positions never change, so a cursor stays valid. */
  results: ShipmentResult[];
  resultIndex: Map<string, number>;
};

export type RequestStatus = "accepted" | "picking" | "shipped" | "unshippable" | "withdrawn";

export type Recipient = {
  name: string;
  postalCode: string;
  prefecture: string;
  address1: string;
  address2?: string;
  phone: string;
};

export type RslParcel = { carrier: RslCarrier; carrierName: string; trackingNumber: string };

/** A booked 出荷依頼: what the merchant sent, and what the warehouse has made of it since. */
export type ShipmentRecord = ShipmentInput & {
  requestId: string;
  merchantId: string;
  idempotencyKey: string;
  receivedAt: Date;
  plannedShipDate: string;
  sameDay: boolean;
  deliveryDateCleared: boolean;
  status: RequestStatus;
  pickingAt: Date | null;
  shippedAt: Date | null;
  shippedOn: string | null;
  parcels: RslParcel[] | null;
  unshippable: { code: string; reason: string } | null;
  withdrawnAt: Date | null;
};

export type ShipmentResult = {
  resultId: string;
  requestId: string;
  clientShipmentId: string;
  status: "shipped" | "unshippable";
  recordedAt: Date;
};

/** A step the warehouse takes by itself when the clock reaches `at`; skipped if the request moved on. */
export type DueStep = { at: number; order: number; requestId: string; from: "accepted" | "picking" };

export type RslState = {
  now(): Date;
  /** Added to the clock by POST /_sandbox/clock/advance, so a standalone sandbox can travel in time. */
  clockOffsetMs: number;
  settings: Settings;
  merchants: Map<string, Merchant>;
  byApiKey: Map<string, Merchant>;
  requests: Map<string, ShipmentRecord>;
  /** Sorted by `at`, then `order`: the warehouse works through it in time order. */
  due: DueStep[];
  faults: Fault[];
  calls: CallEntry[];
  next: { request: number; result: number; tracking: number; step: number; fault: number; merchant: number };
};

function initialSettings(options: RslSandboxOptions): Settings {
  return {
    pickingAfterMinutes: options.pickingAfterMinutes ?? 60,
    shipAfterMinutes: options.shipAfterMinutes ?? 120,
    parcelCapacity: options.parcelCapacity ?? 10,
    carrier: options.carrier ?? "japanpost",
  };
}

const initialCounters = (): RslState["next"] => ({
  request: 1,
  result: 1,
  tracking: 40_000_000_001,
  step: 1,
  fault: 1,
  merchant: 1,
});

export function createRslState(options: RslSandboxOptions): RslState {
  const state: RslState = {
    now: shiftedNow(options.now, () => state.clockOffsetMs),
    clockOffsetMs: 0,
    settings: initialSettings(options),
    merchants: new Map(),
    byApiKey: new Map(),
    requests: new Map(),
    due: [],
    faults: [],
    calls: [],
    next: initialCounters(),
  };
  return state;
}

export function resetRslState(state: RslState, options: RslSandboxOptions): void {
  state.clockOffsetMs = 0;
  state.settings = initialSettings(options);
  state.merchants.clear();
  state.byApiKey.clear();
  state.requests.clear();
  state.due = [];
  state.faults = [];
  state.calls = [];
  state.next = initialCounters();
}
