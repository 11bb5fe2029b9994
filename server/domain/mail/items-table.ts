import type { MailFacts } from "./facts.ts";
import { displayWidth, padEnd, padStart, yen } from "./text-format.ts";

/**
 * Past this many columns a name gets a line of its own: mall item names run long
 * (【送料無料】… with search words), and padding every line to the longest would push the amounts
 * off a phone screen.
 */
const NAME_COLUMNS = 36;

/**
 * 商品明細 as plain text: name, × quantity and the line amount, columns padded for a monospaced
 * Japanese font. Proportional fonts blur the columns but every line still reads on its own.
 */
export function itemsTable(items: MailFacts["items"]): string {
  if (items.length === 0) return "";
  const rows = items.map((item) => ({
    name: item.name.replace(/\s*[\r\n]+\s*/g, " "),
    quantity: `× ${item.quantity}`,
    amount: yen(item.unitPrice * item.quantity),
  }));
  const nameWidth = Math.min(NAME_COLUMNS, Math.max(...rows.map((r) => displayWidth(r.name))));
  const quantityWidth = Math.max(...rows.map((r) => displayWidth(r.quantity)));
  const amountWidth = Math.max(...rows.map((r) => displayWidth(r.amount)));
  return rows
    .map((r) => {
      const figures = `${padEnd(r.quantity, quantityWidth)}  ${padStart(r.amount, amountWidth)}`;
      if (displayWidth(r.name) > nameWidth) return `${r.name}\n${" ".repeat(nameWidth)}  ${figures}`;
      return `${padEnd(r.name, nameWidth)}  ${figures}`;
    })
    .join("\n");
}
