import { z } from "zod";
import { addFault as addKitFault, type FaultBase } from "../kit/faults.ts";
import { error, type Reply } from "./http-reply.ts";

/**
 * Trouble on the line between the merchant and RSL, set up by a test: the next N API calls whose path
 * starts with `path` (and whose method matches, when given) fail in the chosen way. Faults sit in
 * front of everything, auth included, so RSL never sees the request — unless `processed` asks for the
 * nastier case: RSL did the work and only the answer was lost.
 */

export const faultInput = z
  .strictObject({
    path: z.string().startsWith("/").optional(),
    method: z.string().toUpperCase().optional(),
    status: z.number().int().min(400).max(599).optional(),
    times: z.number().int().min(1).max(1_000_000).optional(),
    processed: z.boolean().optional(),
    /** Real milliseconds before the answer (or the drop); alone, the normal answer comes late. */
    delayMs: z.number().int().min(0).max(600_000).optional(),
    dropConnection: z.boolean().optional(),
  })
  .refine(
    (f) => f.status !== undefined || f.dropConnection === true || f.delayMs !== undefined,
    "status、dropConnection、delayMs のいずれかを指定してください",
  );

export type Fault = FaultBase & { status: number | null; dropConnection: boolean };

export function addFault(faults: Fault[], id: string, input: z.infer<typeof faultInput>): Fault {
  return addKitFault(faults, {
    id,
    path: input.path ?? "/",
    method: input.method ?? null,
    status: input.status ?? null,
    remaining: input.times ?? 1,
    processed: input.processed ?? false,
    delayMs: input.delayMs ?? 0,
    dropConnection: input.dropConnection ?? false,
  });
}

/** A fault that only delays lets the call through; one with a status or a drop replaces the answer. */
export const faultLetsWorkHappen = (fault: Fault | undefined) =>
  !fault || fault.processed || (fault.status === null && !fault.dropConnection);

const FAULT_ERRORS: Record<number, { code: string; message: string }> = {
  429: { code: "E9429", message: "リクエストが多すぎます。しばらくしてから再度お試しください" },
  500: { code: "E9500", message: "システムエラーが発生しました" },
  503: { code: "E9503", message: "ただいまサービスを利用できません。しばらくしてから再度お試しください" },
};

export function faultReply(status: number): Reply {
  const known = FAULT_ERRORS[status] ?? { code: "E9000", message: "エラーが発生しました" };
  const reply = error(status, known.code, known.message);
  return status === 429 ? { ...reply, headers: { "Retry-After": "1" } } : reply;
}
