import { eq } from "drizzle-orm";
import { startOrderExport } from "#server/app/orders/order-export.ts";
import { EXPORT_PAGE_SIZE, runOrderExport } from "#server/app/orders/run-order-export.ts";
import { orderExports } from "#server/db/schema.ts";
import { ORDER_EXPORT_COLUMN_KEYS } from "#server/domain/order-export-columns.ts";
import { fmt, table } from "./lib.ts";
import type { ListData } from "./list-seed.ts";
import type { Target } from "./targets.ts";

export type ExportFigures = { orders: number; bytes: number; startMs: number; writeMs: number };

/**
 * 受注CSV出力 of the list bench's whole account (every column, Shift_JIS): the request (count and
 * queue) and the job's keyset pages, run through the same functions the HTTP route and worker call.
 */
export async function benchOrderExport(t: Target, data: ListData): Promise<ExportFigures> {
  const started = performance.now();
  const id = await startOrderExport(t.ctx, { kind: "system", job: "bench" }, data.accountId, {
    filter: {},
    columns: [...ORDER_EXPORT_COLUMN_KEYS],
    encoding: "shift_jis",
    bom: false,
  });
  const queued = performance.now();
  await runOrderExport(t.ctx, id);
  const written = performance.now();
  const [done] = await t.ctx.db.select().from(orderExports).where(eq(orderExports.id, id));
  return {
    orders: done?.rowsWritten ?? 0,
    bytes: done?.bytes ?? 0,
    startMs: queued - started,
    writeMs: written - queued,
  };
}

export function printOrderExport(label: string, f: ExportFigures): void {
  console.log(`\n受注CSV出力 (${label}): every column, Shift_JIS, pages of ${fmt.int(EXPORT_PAGE_SIZE)}`);
  console.log(
    table([
      ["orders", "MB", "start (count + queue) ms", "write s", "orders/s"],
      [
        fmt.int(f.orders),
        (f.bytes / 1e6).toFixed(1),
        fmt.ms(f.startMs),
        (f.writeMs / 1000).toFixed(1),
        fmt.rate(f.orders / (f.writeMs / 1000)),
      ],
    ]),
  );
}
