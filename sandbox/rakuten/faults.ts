import { z } from "zod";
import { addFault as addKitFault, type FaultBase } from "../kit/faults.ts";

/**
 * Trouble on the line between the shop and RMS, set up by a test: the next N calls whose path starts
 * with `path` fail in the chosen way. Faults sit in front of everything else (auth included), so
 * they hit before the mall sees the request — unless `processed` asks for the nastier case: the mall
 * did the work and only the answer was lost.
 */

export const faultKinds = ["status500", "status503", "timeout", "malformed_json", "slow"] as const;
export type FaultKind = (typeof faultKinds)[number];

export const faultInput = z.strictObject({
  path: z.string().startsWith("/", "a path prefix such as /es/2.0/order/searchOrder/").optional(),
  kind: z.enum(faultKinds),
  times: z.number().int().min(1).max(1_000_000).optional(),
  /** slow: how long before answering (default 2000 ms). */
  delayMs: z.number().int().min(0).max(600_000).optional(),
  processed: z.boolean().optional(),
});

export type Fault = FaultBase & { kind: FaultKind };

export function addFault(faults: Fault[], id: string, input: z.infer<typeof faultInput>): Fault {
  return addKitFault(faults, {
    id,
    path: input.path ?? "/",
    method: null,
    kind: input.kind,
    remaining: input.times ?? 1,
    delayMs: input.delayMs ?? 2000,
    processed: input.processed ?? false,
  });
}

/** What malformed_json sends: the start of a getOrder-like answer, cut off mid-way. */
export const TRUNCATED_JSON = '{"MessageModelList":[{"messageType":"INFO","messageCode":"ORDER_EXT_API_';
