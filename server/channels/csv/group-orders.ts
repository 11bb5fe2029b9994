import type { ItemPart, OrderPart, ReadRow, RowProblem } from "./read-row.ts";

/** The lines of one order number, in file order. */
export type OrderLines = { orderNumber: string; rows: ReadRow[] };

/** An order ready to register, or the lines that stop it, each with its own reason. */
export type GroupedOrder =
  | {
      ok: true;
      orderNumber: string;
      lines: number[];
      order: OrderPart & { items: ItemPart[] };
    }
  | {
      ok: false;
      orderNumber: string;
      lines: { line: number; problem: RowProblem | null; message: string }[];
    };

/**
 * An order is registered whole or not at all: one bad line fails every line of its order, the bad
 * one with its field and rule, the others pointing at it.
 */
export function groupOrder({ orderNumber, rows }: OrderLines): GroupedOrder {
  const bad = rows.filter((r) => r.problems.length > 0);
  if (bad.length > 0) {
    const badLines = bad.map((r) => `${r.line}行目`).join("・");
    return {
      ok: false,
      orderNumber,
      lines: rows.flatMap((r): { line: number; problem: RowProblem | null; message: string }[] =>
        r.problems.length > 0
          ? r.problems.map((p) => ({ line: r.line, problem: p, message: `${r.line}行目: ${p.message}` }))
          : [
              {
                line: r.line,
                problem: null,
                message: `${r.line}行目: 同じ注文の${badLines}に誤りがあるため登録しません`,
              },
            ],
      ),
    };
  }
  const first = rows[0];
  const order = first && "order" in first ? first.order : null;
  if (!order) throw new Error("an order's first line is read with its order fields");
  return {
    ok: true,
    orderNumber,
    lines: rows.map((r) => r.line),
    order: { ...order, items: rows.map((r) => ("item" in r ? r.item : null)).filter((i) => i !== null) },
  };
}
