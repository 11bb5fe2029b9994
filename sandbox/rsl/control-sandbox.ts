import { z } from "zod";
import { callsUnder } from "../kit/call-log.ts";
import { moveClock } from "../kit/clock.ts";
import type { ControlContext, ControlRoute } from "./control-router.ts";
import { addFault, faultInput } from "./faults.ts";
import { json, parseWith, type Reply } from "./http-reply.ts";
import { jstDatetime, MINUTE_MS } from "./jst.ts";
import { CARRIER_NAMES, resetRslState } from "./state.ts";

/**
 * The sandbox itself: the warehouse's timings, faults on the line, the call log, the clock, and a
 * reset between tests.
 */

const configInput = z.strictObject({
  pickingAfterMinutes: z.number().int().min(0).optional(),
  shipAfterMinutes: z.number().int().min(0).optional(),
  parcelCapacity: z.number().int().min(1).optional(),
  carrier: z.enum(Object.keys(CARRIER_NAMES) as [keyof typeof CARRIER_NAMES]).optional(),
});

const clockInput = z.strictObject({ minutes: z.number().int() });

function changeConfig({ state, body }: ControlContext): Reply {
  const input = parseWith(configInput, body);
  if (!input.ok) return input.reply;
  Object.assign(state.settings, input.value);
  return json(200, state.settings);
}

function createFault({ state, body }: ControlContext): Reply {
  const input = parseWith(faultInput, body);
  if (!input.ok) return input.reply;
  return json(201, addFault(state.faults, `fault-${state.next.fault++}`, input.value));
}

function listCalls({ state, query }: ControlContext): Reply {
  return json(200, callsUnder(state.calls, query.get("path") ?? ""));
}

const clockView = (ctx: ControlContext) => ({
  now: jstDatetime(ctx.state.now()),
  offsetMinutes: ctx.state.clockOffsetMs / MINUTE_MS,
});

/** Time travel for a sandbox run on its own (main.ts); work that falls due on the way happens in order. */
function advanceClock(ctx: ControlContext): Reply {
  const input = parseWith(clockInput, ctx.body);
  if (!input.ok) return input.reply;
  moveClock(ctx.state, { byMs: input.value.minutes * MINUTE_MS });
  return json(200, clockView(ctx));
}

const empty = (clear: (ctx: ControlContext) => void) => (ctx: ControlContext) => {
  clear(ctx);
  return { status: 204 };
};

export const sandboxRoutes: ControlRoute[] = [
  { method: "GET", pattern: "/_sandbox/config", handle: (c) => json(200, c.state.settings) },
  { method: "PUT", pattern: "/_sandbox/config", handle: changeConfig },
  { method: "POST", pattern: "/_sandbox/faults", handle: createFault },
  { method: "GET", pattern: "/_sandbox/faults", handle: (c) => json(200, { items: c.state.faults }) },
  { method: "DELETE", pattern: "/_sandbox/faults", handle: empty((c) => c.state.faults.splice(0)) },
  { method: "GET", pattern: "/_sandbox/calls", handle: listCalls },
  { method: "DELETE", pattern: "/_sandbox/calls", handle: empty((c) => c.state.calls.splice(0)) },
  { method: "GET", pattern: "/_sandbox/clock", handle: (c) => json(200, clockView(c)) },
  { method: "POST", pattern: "/_sandbox/clock/advance", handle: advanceClock },
  { method: "POST", pattern: "/_sandbox/reset", handle: empty((c) => resetRslState(c.state, c.options)) },
];
