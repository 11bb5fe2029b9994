import { AsyncLocalStorage } from "node:async_hooks";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * Statements and round trips, counted where they leave Node: on `pg.Client.prototype.query` (every
 * pool, Drizzle's and pg-boss's, ends there; begin/commit/savepoints included) and on PGlite's
 * query/exec/transaction (its BEGIN and COMMIT run inside `transaction`, so they are added there).
 * A Drizzle logger would miss begin/commit and pg-boss's own queries.
 *
 * A count goes to the label of the async context that sent it (`counting(label, fn)`), else to
 * "other"; `uncounted(fn)` hides the bench's own probing. On PostgreSQL a round trip is one query
 * call (node-postgres never pipelines); on PGlite it is one call into the WASM engine.
 */

export type Count = { statements: number; roundTrips: number };

const context = new AsyncLocalStorage<string | null>();
const counts = new Map<string, Count>();
let installed = false;

function add(statements: number, roundTrips = 1): void {
  const label = context.getStore();
  if (label === null) return;
  const key = label ?? "other";
  const c = counts.get(key) ?? { statements: 0, roundTrips: 0 };
  c.statements += statements;
  c.roundTrips += roundTrips;
  counts.set(key, c);
}

/** A simple-protocol text may hold several statements ("begin; …; commit"): each one counts. */
function statementsIn(text: unknown): number {
  if (typeof text !== "string") {
    const inner = (text as { text?: unknown } | null)?.text;
    return typeof inner === "string" ? statementsIn(inner) : 1;
  }
  if (text.includes("$$") || /'[^']*;[^']*'/.test(text)) return 1;
  return Math.max(1, text.split(";").filter((s) => s.trim() !== "").length);
}

/** Patches the drivers once, before or after clients exist (the prototypes are shared). */
export function installCounters(): void {
  if (installed) return;
  installed = true;
  const clientQuery = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    add(statementsIn(args[0]));
    return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof clientQuery;

  const proto = PGlite.prototype as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const method of ["query", "exec", "sql"] as const) {
    const original = proto[method];
    if (!original) continue;
    proto[method] = function (this: unknown, ...args: unknown[]) {
      add(method === "exec" ? statementsIn(args[0]) : 1);
      return original.apply(this, args);
    };
  }
  const transaction = proto.transaction;
  if (transaction)
    proto.transaction = function (this: unknown, fn: unknown) {
      add(2, 2); // BEGIN and COMMIT (or ROLLBACK), sent by PGlite itself
      return transaction.call(this, (tx: Record<string, (...a: unknown[]) => Promise<unknown>>) => {
        const counted = Object.create(tx) as typeof tx;
        for (const method of ["query", "exec", "sql"] as const) {
          const original = tx[method];
          if (original)
            counted[method] = (...args: unknown[]) => {
              add(method === "exec" ? statementsIn(args[0]) : 1);
              return original.apply(tx, args);
            };
        }
        return (fn as (t: unknown) => Promise<unknown>)(counted);
      });
    };
}

export function counting<T>(label: string, fn: () => T): T {
  return context.run(label, fn);
}

/** The bench's own queries (progress polls, row checks): not part of any figure. */
export function uncounted<T>(fn: () => T): T {
  return context.run(null, fn);
}

export function resetCounts(): void {
  counts.clear();
}

/** What each label sent since the last reset (a copy). */
export function takeCounts(): Map<string, Count> {
  return new Map([...counts].map(([k, v]) => [k, { ...v }]));
}

/** The counts sent while `fn` ran, all labels added up: for a path run alone (nothing else in flight). */
export async function countWhile<T>(fn: () => Promise<T>): Promise<{ result: T; count: Count }> {
  resetCounts();
  const result = await fn();
  const count: Count = { statements: 0, roundTrips: 0 };
  for (const c of counts.values()) {
    count.statements += c.statements;
    count.roundTrips += c.roundTrips;
  }
  resetCounts();
  return { result, count };
}

export const perOrder = (c: Count, orders: number) =>
  `${(c.statements / orders).toFixed(1)} statements, ${(c.roundTrips / orders).toFixed(1)} round trips`;
