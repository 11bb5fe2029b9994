import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * Counts the statements every database client of the process sends (node-postgres and PGlite, pg-boss's
 * included; PGlite's own BEGIN and COMMIT added), with the texts, so a test can bound what a batch costs.
 */
const sent: string[] = [];
let installed = false;

export function countStatements(): { reset(): void; readonly texts: readonly string[] } {
  if (!installed) {
    installed = true;
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      sent.push(textOf(args[0]));
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    const proto = PGlite.prototype as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const wrap = (target: Record<string, (...a: unknown[]) => Promise<unknown>>, into = target) => {
      for (const method of ["query", "exec"] as const) {
        const original = target[method];
        if (original)
          into[method] = function (this: unknown, ...args: unknown[]) {
            sent.push(textOf(args[0]));
            return original.apply(this === into ? target : this, args);
          };
      }
    };
    wrap(proto);
    const transaction = proto.transaction;
    if (transaction)
      proto.transaction = function (this: unknown, fn: unknown) {
        sent.push("begin", "commit");
        return transaction.call(this, (tx: Record<string, (...a: unknown[]) => Promise<unknown>>) => {
          const counted = Object.create(tx) as typeof tx;
          wrap(tx, counted);
          return (fn as (t: unknown) => Promise<unknown>)(counted);
        });
      };
  }
  return {
    reset: () => {
      sent.length = 0;
    },
    get texts() {
      return sent;
    },
  };
}

function textOf(q: unknown): string {
  return typeof q === "string" ? q : String((q as { text?: unknown } | null)?.text ?? "");
}
