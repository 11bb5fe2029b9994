import { isCalendarDate, parseRakutenDate } from "./datetime.ts";

/**
 * The buyer's desired delivery date and time slot. RMS has two places for them:
 * - the fields `deliveryDate` (YYYY-MM-DD) and `shippingTerm` (お届け時間帯), set by Rakuten's own
 *   delivery-date function or by the shop (updateOrderMemo);
 * - the `[配送日時指定:]` block Rakuten writes into `remarks` from the shop's 配送日時指定 choices,
 *   one value a line: `[配送日時指定:]\n2017-11-01(水)\n14:00\n自由記入欄の入力` (getOrder doc sample),
 *   `2012-11-01(木)\n18：00〜20：00` (full-width colon, wave dash), `2018年01月23日`, `午前中`,
 *   `14時-16時`, `最終便(19：00以降)`, or nothing at all (`[配送日時指定:]\n\n`). The block ends at
 *   the next `[…:]` heading. Free text in it is left alone.
 * The fields win when set; the remarks fill what they leave open.
 */
export function desiredDelivery(order: {
  deliveryDate?: string | null | undefined;
  shippingTerm?: number | null | undefined;
  remarks?: string | null | undefined;
}): { date: string | null; timeSlot: string | null } {
  const fromRemarks = remarksDeliveryWish(order.remarks ?? "");
  const term = order.shippingTerm ?? 0;
  return {
    date: (order.deliveryDate ? parseRakutenDate(order.deliveryDate) : null) ?? fromRemarks.date,
    timeSlot: shippingTermSlot(term) ?? fromRemarks.timeSlot ?? (term === 9 ? "その他" : null),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * shippingTerm as the buyer reads it: 1 午前中, 2 午後, and h1h2 numbers — the last two digits are the
 * end hour, the rest the start (708 → 07:00-08:00, 1416 → 14:00-16:00, 2324 → 23:00-24:00; RMS allows
 * h1 7–24 and h2 07–24). 0 (none), 9 (その他, the slot is in the remarks) and anything else → null.
 */
export function shippingTermSlot(term: number): string | null {
  if (term === 1) return "午前中";
  if (term === 2) return "午後";
  if (term < 100) return null;
  const from = Math.floor(term / 100);
  const to = term % 100;
  if (from < 7 || to > 24 || from >= to) return null;
  return `${pad(from)}:00-${pad(to)}:00`;
}

const HEADING = /^\[[^\]]*:\]/;
const WISH_HEADING = "[配送日時指定:]";
const DATE =
  /(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?\s*(?:\([月火水木金土日](?:曜日?)?\))?/;
const NONE = /^(?:指定なし|希望なし|なし|指定しない|指定無し)$/;
const SEP = "(?:[-~〜～ー−–]|から)";
const HOUR = "(\\d{1,2})(?::(\\d{2}))?\\s*(?:時)?\\s*(?:頃)?";
const RANGE = new RegExp(`${HOUR}\\s*${SEP}\\s*${HOUR}`);
const TIME_WORDS = /\d{1,2}\s*(?::\d{2}|時)|夜間|最終便|以降/;

/** The date and slot of the `[配送日時指定:]` block of a remarks text; nulls when it has none. */
export function remarksDeliveryWish(remarks: string): { date: string | null; timeSlot: string | null } {
  // NFKC turns full-width digits, colons, brackets and parentheses into ASCII.
  const lines = remarks.normalize("NFKC").split(/\r\n|\r|\n/);
  const start = lines.findIndex((line) => line.trim().startsWith(WISH_HEADING));
  let date: string | null = null;
  let timeSlot: string | null = null;
  if (start < 0) return { date, timeSlot };
  const first = (lines[start] ?? "").trim().slice(WISH_HEADING.length);
  const block = [first];
  for (const line of lines.slice(start + 1)) {
    if (HEADING.test(line.trim())) break;
    block.push(line);
  }
  for (const raw of block) {
    let line = raw.trim();
    const d = DATE.exec(line);
    if (d) {
      const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
      if (date === null && isCalendarDate(y, m, day)) date = `${y}-${pad(m)}-${pad(day)}`;
      line = (line.slice(0, d.index) + line.slice(d.index + d[0].length)).trim();
    }
    if (timeSlot === null && line) timeSlot = timeSlotText(line);
  }
  return { date, timeSlot };
}

/** One line of the block read as a time slot, or null when it is not one. */
function timeSlotText(line: string): string | null {
  if (NONE.test(line)) return null;
  const afternoon = /^(?:午後|PM)/i.test(line);
  const r = RANGE.exec(line);
  if (r) {
    const shift = (h: number) => (afternoon && h < 12 ? h + 12 : h);
    const [fromH, fromM, toH, toM] = [
      shift(Number(r[1])),
      Number(r[2] ?? 0),
      shift(Number(r[3])),
      Number(r[4] ?? 0),
    ];
    if (toH <= 24 && fromM < 60 && toM < 60 && fromH * 60 + fromM < toH * 60 + toM)
      return `${pad(fromH)}:${pad(fromM)}-${pad(toH)}:${pad(toM)}`;
  }
  if (/^(?:午前|AM)/i.test(line)) return "午前中";
  if (afternoon) return "午後";
  return TIME_WORDS.test(line) ? line : null;
}
