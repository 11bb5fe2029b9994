/**
 * Trouble on the line, set up by a test: the next N calls whose path starts with `path` (and whose
 * method matches, when given) fail in the way the sandbox offers. Faults sit in front of everything,
 * auth included, so the service never sees the request — unless `processed` asks for the nastier
 * case: the service did the work and only the answer was lost. What a fault turns the answer into is
 * each sandbox's (its own error bodies); which call it hits is the kit's.
 */
export type FaultBase = {
  id: string;
  path: string;
  method: string | null;
  remaining: number;
  processed: boolean;
  /** Real milliseconds before the answer. */
  delayMs: number;
};

export function addFault<F extends FaultBase>(faults: F[], fault: F): F {
  faults.push(fault);
  return fault;
}

/** The first fault for this call, used up by one. Faults fire in the order they were added. */
export function takeFault<F extends FaultBase>(faults: F[], method: string, path: string): F | undefined {
  const index = faults.findIndex(
    (f) => path.startsWith(f.path) && (f.method === null || f.method === method),
  );
  const fault = faults[index];
  if (!fault) return undefined;
  fault.remaining -= 1;
  if (fault.remaining <= 0) faults.splice(index, 1);
  return fault;
}

/** DELETE /_sandbox/faults/:id: false when it was used up already. */
export function removeFault(faults: FaultBase[], id: string): boolean {
  const index = faults.findIndex((f) => f.id === id);
  if (index < 0) return false;
  faults.splice(index, 1);
  return true;
}
