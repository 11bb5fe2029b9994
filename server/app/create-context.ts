import { randomUUID } from "node:crypto";
import { selfWarehouse } from "#server/adapters/warehouses/self/self-warehouse.ts";
import type { Db } from "#server/db/database.ts";
import type { JobQueue } from "#server/jobs/queue.ts";
import { type Clock, systemClock } from "#server/ports/clock.ts";
import type { AppContext } from "./context.ts";

/** The production wiring of ports to adapters; tests pass their own clock and ids. */
export function createContext(
  db: Db,
  jobs: JobQueue,
  overrides: Partial<Pick<AppContext, "clock" | "newId">> = {},
): AppContext {
  const clock: Clock = overrides.clock ?? systemClock;
  return { db, jobs, clock, newId: overrides.newId ?? randomUUID, warehouses: { self: selfWarehouse } };
}
