import type { CsvRecord } from "#server/adapters/csv/read-stream.ts";
import { Refusal } from "#server/domain/refusal.ts";
import type { CsvOrderProfile } from "./fields.ts";
import { type GroupedOrder, groupOrder } from "./group-orders.ts";
import { type ColumnIndex, indexColumns, type ReadRow, readRow } from "./read-row.ts";

/** Orders read from the file, ended at an order's last line; `lastLine` is where a resumed run goes on after. */
export type OrderBatch = { orders: GroupedOrder[]; rows: number; lastLine: number };

function columnsOf(profile: CsvOrderProfile, header: readonly string[] | null): ColumnIndex {
  const found = indexColumns(profile, header);
  if ("index" in found) return found.index;
  throw new Refusal(
    "csv_import.columns_missing",
    `取込設定「${profile.name}」の列がファイルにありません: ${found.missing.join("、")}`,
    {
      rule: "profile_columns_present",
      errors: found.missing.map((c) => ({ path: "file", message: `列「${c}」がありません` })),
    },
  );
}

/**
 * The file's lines grouped into orders (the lines of one order number, which must follow each other)
 * and cut into batches of about `batchSize` orders. Lines up to `after` were done by an earlier try.
 */
export async function* readOrderBatches(
  records: AsyncIterable<CsvRecord>,
  profile: CsvOrderProfile,
  options: { batchSize: number; after: number },
): AsyncGenerator<OrderBatch> {
  let index: ColumnIndex | null = profile.headerRow ? null : columnsOf(profile, null);
  const seen = new Set<string>();
  let batch: GroupedOrder[] = [];
  let rows = 0;
  let current: { orderNumber: string; rows: ReadRow[] } | null = null;
  let lastLine = options.after;

  const close = () => {
    if (!current) return;
    const repeated = current.orderNumber !== "" && seen.has(current.orderNumber);
    seen.add(current.orderNumber);
    batch.push(repeated ? apart(current.orderNumber, current.rows) : groupOrder(current));
    rows += current.rows.length;
    lastLine = current.rows.at(-1)?.line ?? lastLine;
    current = null;
  };

  for await (const { record, line } of records) {
    if (!index) {
      index = columnsOf(profile, record);
      continue;
    }
    if (line <= options.after) continue;
    const orderNumber = (index.orderNumber ?? []).map((i) => (record[i] ?? "").trim()).join(" ");
    const sameOrder = current !== null && orderNumber !== "" && current.orderNumber === orderNumber;
    if (!sameOrder) {
      close();
      if (batch.length >= options.batchSize) {
        yield { orders: batch, rows, lastLine };
        batch = [];
        rows = 0;
      }
      current = { orderNumber, rows: [] };
    }
    current?.rows.push(readRow(profile, index, record, line, !sameOrder));
  }
  if (!index) columnsOf(profile, []);
  close();
  if (batch.length > 0) yield { orders: batch, rows, lastLine };
}

/** Lines of a number already seen further up: joining them would register half an order. */
function apart(orderNumber: string, rows: ReadRow[]): GroupedOrder {
  return {
    ok: false,
    orderNumber,
    lines: rows.map((r) => ({
      line: r.line,
      problem: { field: "orderNumber", rule: "order_lines_together", message: "" },
      message: `${r.line}行目: 注文番号 ${orderNumber} の行が離れています(同じ注文の行は続けて並べてください)`,
    })),
  };
}
