import { jstDate, MINUTE_MS } from "./jst.ts";
import { CARRIER_NAMES, type DueStep, type Merchant, type RslState, type ShipmentRecord } from "./state.ts";

/**
 * The warehouse's own work, done lazily: before every call the sandbox catches up with its clock,
 * taking each due step in time order (earliest first, then in the order they were scheduled), so two
 * requests after the same units get them in the order their picking started — whatever was asked first.
 */

export function schedule(state: RslState, step: Omit<DueStep, "order">): void {
  const entry = { ...step, order: state.next.step++ };
  const due = state.due;
  let lo = 0;
  let hi = due.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const d = due[mid] as DueStep;
    if (d.at < entry.at || (d.at === entry.at && d.order < entry.order)) lo = mid + 1;
    else hi = mid;
  }
  due.splice(lo, 0, entry);
}

export function advanceWarehouse(state: RslState): void {
  const now = state.now().getTime();
  let taken = 0;
  // A step scheduled on the way (picking → shipping) sorts after the one being taken, so the loop
  // meets it too when it is due already.
  for (let step = state.due[0]; step && step.at <= now; step = state.due[taken]) {
    taken += 1;
    const record = state.requests.get(step.requestId);
    // A withdrawal, a forced step or a forced 出荷不可 moved it on already.
    if (!record || record.status !== step.from) continue;
    if (step.from === "accepted") startPicking(state, record, new Date(step.at));
    else ship(state, record, new Date(step.at));
  }
  state.due.splice(0, taken);
}

const merchantOf = (state: RslState, record: ShipmentRecord) =>
  state.merchants.get(record.merchantId) as Merchant;

const unitsBySku = (record: ShipmentRecord) => {
  const units = new Map<string, number>();
  for (const line of record.lines) units.set(line.sku, (units.get(line.sku) ?? 0) + line.quantity);
  return units;
};

/** 引当: the shelf is checked when picking starts, and a short line stops the whole request. */
export function startPicking(state: RslState, record: ShipmentRecord, at: Date): void {
  const merchant = merchantOf(state, record);
  const units = unitsBySku(record);
  const short: string[] = [];
  for (const [sku, wanted] of units) {
    const stock = merchant.products.get(sku);
    if (stock === undefined && merchant.autoRegisterProducts) continue;
    if ((stock ?? 0) < wanted) short.push(`SKU ${sku} が ${wanted - (stock ?? 0)} 個不足`);
  }
  if (short.length > 0) {
    markUnshippable(state, record, { code: "E3001", reason: `欠品(${short.join("、")})` }, at);
    return;
  }
  for (const [sku, wanted] of units) {
    const stock = merchant.products.get(sku);
    if (stock !== undefined) merchant.products.set(sku, stock - wanted);
  }
  record.status = "picking";
  record.pickingAt = at;
  schedule(state, {
    at: at.getTime() + state.settings.shipAfterMinutes * MINUTE_MS,
    requestId: record.requestId,
    from: "picking",
  });
}

/** 11 digits and a mod-7 check digit, the way 日本郵便, ヤマト and 佐川 number their slips. */
function trackingNumber(state: RslState): string {
  const serial = state.next.tracking++;
  return `${serial}${serial % 7}`;
}

export function ship(state: RslState, record: ShipmentRecord, at: Date): void {
  const { carrier, parcelCapacity } = state.settings;
  const total = record.lines.reduce((sum, line) => sum + line.quantity, 0);
  const count = Math.max(1, Math.ceil(total / parcelCapacity));
  record.status = "shipped";
  record.shippedAt = at;
  record.shippedOn = jstDate(at);
  record.parcels = Array.from({ length: count }, () => ({
    carrier,
    carrierName: CARRIER_NAMES[carrier],
    trackingNumber: trackingNumber(state),
  }));
  recordResult(state, record, at);
}

/** 出荷不可. Units already picked go back on the shelf: nothing left the warehouse. */
export function markUnshippable(
  state: RslState,
  record: ShipmentRecord,
  unshippable: { code: string; reason: string },
  at: Date,
): void {
  if (record.status === "picking") {
    const merchant = merchantOf(state, record);
    for (const [sku, units] of unitsBySku(record)) {
      const stock = merchant.products.get(sku);
      if (stock !== undefined) merchant.products.set(sku, stock + units);
    }
  }
  record.status = "unshippable";
  record.unshippable = unshippable;
  recordResult(state, record, at);
}

function recordResult(state: RslState, record: ShipmentRecord, at: Date): void {
  const merchant = merchantOf(state, record);
  const resultId = `SR${String(state.next.result++).padStart(10, "0")}`;
  const status = record.status === "shipped" ? "shipped" : "unshippable";
  merchant.resultIndex.set(resultId, merchant.results.length);
  merchant.results.push({
    resultId,
    requestId: record.requestId,
    clientShipmentId: record.clientShipmentId,
    status,
    recordedAt: at,
  });
}
