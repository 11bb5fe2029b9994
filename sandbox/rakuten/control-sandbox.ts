import { z } from "zod";
import { callsUnder } from "../kit/call-log.ts";
import { moveClock as shiftClock } from "../kit/clock.ts";
import { removeFault as removeKitFault } from "../kit/faults.ts";
import type { ControlContext, ControlRoute } from "./control-router.ts";
import { addFault, faultInput } from "./faults.ts";
import { controlError, json, parseWith, type Reply } from "./http-reply.ts";
import { resetMallState } from "./state.ts";

/**
 * The sandbox itself: faults on the line, the log of RMS calls, the mall's timings, its clock, and a
 * reset between tests.
 */

const settingsInput = z.strictObject({
  orderFixDelayMs: z.number().int().min(0).optional(),
  cancelFixDelayMs: z.number().int().min(0).optional(),
  inventoryUpsertsPerSecond: z.number().int().min(0).optional(),
});

const clockInput = z
  .strictObject({
    now: z
      .string()
      .refine((s) => !Number.isNaN(Date.parse(s)), "ISO 8601 datetime expected")
      .optional(),
    advanceMs: z.number().int().optional(),
  })
  .refine((c) => (c.now === undefined) !== (c.advanceMs === undefined), "give either now or advanceMs");

function createFault({ state, body }: ControlContext): Reply {
  const input = parseWith(faultInput, body);
  if (!input.ok) return input.reply;
  return json(201, addFault(state.faults, `fault-${state.next.faultId++}`, input.value));
}

function removeFault({ state, params }: ControlContext): Reply {
  if (!removeKitFault(state.faults, params.id ?? ""))
    return controlError(404, "fault_not_found", `no fault ${params.id} (it may have been used up)`);
  return { status: 204 };
}

function listCalls({ state, query }: ControlContext): Reply {
  return json(200, callsUnder(state.calls, query.get("path") ?? ""));
}

function changeSettings({ state, body }: ControlContext): Reply {
  const input = parseWith(settingsInput, body);
  if (!input.ok) return input.reply;
  Object.assign(state.settings, input.value);
  return json(200, state.settings);
}

const clockView = (ctx: ControlContext) => ({
  now: ctx.state.now().toISOString(),
  offsetMs: ctx.state.clockOffsetMs,
});

/** Time travel for a sandbox run on its own (main.ts); tests in-process inject `now` instead. */
function moveClock(ctx: ControlContext): Reply {
  const input = parseWith(clockInput, ctx.body);
  if (!input.ok) return input.reply;
  const { now, advanceMs } = input.value;
  if (advanceMs !== undefined) shiftClock(ctx.state, { byMs: advanceMs });
  if (now !== undefined) shiftClock(ctx.state, { iso: now });
  return json(200, clockView(ctx));
}

export const sandboxRoutes: ControlRoute[] = [
  { method: "POST", pattern: "/_sandbox/faults", handle: createFault },
  { method: "GET", pattern: "/_sandbox/faults", handle: (c) => json(200, { items: c.state.faults }) },
  {
    method: "DELETE",
    pattern: "/_sandbox/faults",
    handle: (c) => {
      c.state.faults = [];
      return { status: 204 };
    },
  },
  { method: "DELETE", pattern: "/_sandbox/faults/:id", handle: removeFault },
  { method: "GET", pattern: "/_sandbox/calls", handle: listCalls },
  {
    method: "DELETE",
    pattern: "/_sandbox/calls",
    handle: (c) => {
      c.state.calls = [];
      return { status: 204 };
    },
  },
  { method: "GET", pattern: "/_sandbox/settings", handle: (c) => json(200, c.state.settings) },
  { method: "PATCH", pattern: "/_sandbox/settings", handle: changeSettings },
  { method: "GET", pattern: "/_sandbox/clock", handle: (c) => json(200, clockView(c)) },
  { method: "POST", pattern: "/_sandbox/clock", handle: moveClock },
  {
    method: "POST",
    pattern: "/_sandbox/reset",
    handle: (c) => {
      resetMallState(c.state, c.options);
      return { status: 204 };
    },
  },
];
