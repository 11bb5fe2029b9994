import { shiftedNow } from "../kit/clock.ts";
import type { CallEntry } from "./call-log.ts";
import type { Fault } from "./faults.ts";
import type { MallInquiry } from "./inquiry-record.ts";
import type { MallOrder } from "./order-record.ts";

/**
 * Everything the sandbox mall holds, in memory. Tests reach it through `sandbox.state` when a control
 * call would be clumsy; reset() empties it in place so references held elsewhere stay valid.
 */

export type RakutenSandboxOptions = {
  port?: number;
  host?: string;
  /** The mall's clock. Tests inject a manual one; every date the sandbox writes comes from it. */
  now?: () => Date;
  /** 注文確認 (or a prepaid order's payment) → 300 発送待ち after this long; 0 = at once. */
  orderFixDelayMs?: number;
  /** キャンセル申請 (800) → キャンセル確定 (900) after this long; 0 = at once. */
  cancelFixDelayMs?: number;
  /** bulk-upsert calls per shop per second before HTTP 429; 0 = no limit. */
  inventoryUpsertsPerSecond?: number;
};

export type Settings = {
  orderFixDelayMs: number;
  cancelFixDelayMs: number;
  inventoryUpsertsPerSecond: number;
};

export type StockRecord = {
  manageNumber: string;
  variantId: string;
  quantity: number;
  created: Date;
  updated: Date;
};

export type Shop = {
  shopId: string;
  name: string;
  serviceSecret: string;
  licenseKey: string;
  licenseExpiresAt: Date;
  /** Insertion order = order-date order for orders placed with the clock; search sorts anyway. */
  orderNumbers: string[];
  serial: number;
  /** 商品ID per 商品管理番号, so every order of the same item shows the same itemId. */
  itemIds: Map<string, number>;
  stock: Map<string, StockRecord>;
  /** Accepted bulk-upsert instants (ms) inside the last second, for the rate limit. */
  recentUpserts: number[];
};

/** A step the mall takes by itself later: 200 → 300 or 800 → 900. */
export type DueStep = { orderNumber: string; step: "fix" | "cancel_fix"; dueAt: number };

export type MallState = {
  now(): Date;
  /** Added to the injected clock by POST /_sandbox/clock, so a standalone sandbox can travel in time. */
  clockOffsetMs: number;
  settings: Settings;
  shops: Map<string, Shop>;
  orders: Map<string, MallOrder>;
  due: DueStep[];
  /** R-Messe threads by inquiryNumber, every shop's. */
  inquiries: Map<string, MallInquiry>;
  faults: Fault[];
  calls: CallEntry[];
  next: {
    detailId: number;
    shippingDetailId: number;
    changeId: number;
    faultId: number;
    shopId: number;
    inquiry: number;
  };
};

function initialSettings(options: RakutenSandboxOptions): Settings {
  return {
    orderFixDelayMs: options.orderFixDelayMs ?? 0,
    cancelFixDelayMs: options.cancelFixDelayMs ?? 0,
    inventoryUpsertsPerSecond: options.inventoryUpsertsPerSecond ?? 1,
  };
}

function initialCounters(): MallState["next"] {
  return {
    detailId: 10_000_001,
    shippingDetailId: 20_000_001,
    changeId: 30_000_001,
    faultId: 1,
    shopId: 100_001,
    inquiry: 1,
  };
}

export function createMallState(options: RakutenSandboxOptions): MallState {
  const state: MallState = {
    now: shiftedNow(options.now, () => state.clockOffsetMs),
    clockOffsetMs: 0,
    settings: initialSettings(options),
    shops: new Map(),
    orders: new Map(),
    due: [],
    inquiries: new Map(),
    faults: [],
    calls: [],
    next: initialCounters(),
  };
  return state;
}

export function resetMallState(state: MallState, options: RakutenSandboxOptions): void {
  state.clockOffsetMs = 0;
  state.settings = initialSettings(options);
  state.shops.clear();
  state.orders.clear();
  state.due = [];
  state.inquiries.clear();
  state.faults = [];
  state.calls = [];
  state.next = initialCounters();
}

export const stockKey = (manageNumber: string, variantId: string) => `${manageNumber}\u0000${variantId}`;

export function shopOrders(state: MallState, shop: Shop): MallOrder[] {
  const orders: MallOrder[] = [];
  for (const n of shop.orderNumbers) {
    const order = state.orders.get(n);
    if (order) orders.push(order);
  }
  return orders;
}
