import { z } from "zod";
import type { ControlContext, ControlRoute } from "./control-router.ts";
import { error, json, parseWith, type Reply } from "./http-reply.ts";
import { markUnshippable, ship, startPicking } from "./lifecycle.ts";
import type { ShipmentRecord } from "./state.ts";
import { recordView } from "./views.ts";

/**
 * The warehouse floor, played by a test: a request picked or shipped now instead of on schedule, a
 * 出荷不可 for a reason the shelf cannot produce (破損, 住所不備), and every request as RSL holds it.
 */

const advanceInput = z.strictObject({ to: z.enum(["picking", "shipped"]) });
const unshippableInput = z.strictObject({
  reason: z.string().min(1).max(200),
  code: z
    .string()
    .regex(/^E\d{4}$/)
    .optional(),
});

function withRequest(ctx: ControlContext, then: (record: ShipmentRecord) => Reply): Reply {
  const record = ctx.state.requests.get(ctx.params.requestId ?? "");
  return record
    ? then(record)
    : error(404, "sandbox.request_not_found", `出荷依頼 ${ctx.params.requestId} はありません`);
}

const cannot = (record: ShipmentRecord, what: string) =>
  error(409, "sandbox.wrong_status", `出荷依頼 ${record.requestId} は ${record.status} のため${what}`);

/** The step happens now; one still scheduled for later finds the request moved on and is skipped. */
function advanceRequest(ctx: ControlContext): Reply {
  return withRequest(ctx, (record) => {
    const input = parseWith(advanceInput, ctx.body);
    if (!input.ok) return input.reply;
    const now = ctx.state.now();
    const { to } = input.value;
    // Picking may end in 欠品 at once; that answer is the request as it now stands.
    if (record.status === "accepted") startPicking(ctx.state, record, now);
    else if (to === "picking" || record.status !== "picking") return cannot(record, `${to} に進められません`);
    if (to === "shipped" && record.status === "picking") ship(ctx.state, record, now);
    return json(200, recordView(record));
  });
}

function makeUnshippable(ctx: ControlContext): Reply {
  return withRequest(ctx, (record) => {
    const input = parseWith(unshippableInput, ctx.body);
    if (!input.ok) return input.reply;
    if (record.status !== "accepted" && record.status !== "picking")
      return cannot(record, "出荷不可にできません");
    const { reason, code = "E3002" } = input.value;
    markUnshippable(ctx.state, record, { code, reason }, ctx.state.now());
    return json(200, recordView(record));
  });
}

function listRequests({ state, query }: ControlContext): Reply {
  const merchantId = query.get("merchantId");
  const items = [...state.requests.values()]
    .filter((r) => merchantId === null || r.merchantId === merchantId)
    .map(recordView);
  return json(200, { count: items.length, items });
}

export const requestRoutes: ControlRoute[] = [
  { method: "GET", pattern: "/_sandbox/requests", handle: listRequests },
  {
    method: "GET",
    pattern: "/_sandbox/requests/:requestId",
    handle: (c) => withRequest(c, (r) => json(200, recordView(r))),
  },
  { method: "POST", pattern: "/_sandbox/requests/:requestId/advance", handle: advanceRequest },
  { method: "POST", pattern: "/_sandbox/requests/:requestId/unshippable", handle: makeUnshippable },
];
