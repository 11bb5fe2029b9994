/**
 * オプション金額: the surcharge per unit of the options a buyer chose on a line (項目選択肢 with a
 * price add-on). Malls that give options no price field of their own (楽天: see
 * channels/rakuten/mapping.ts) leave it in the merchant's words of the choice — 「希望する(+330円)」 —
 * so it is read from there; a choice whose words carry none takes the shop's own table
 * (オプション金額表: 商品管理番号, 項目名, 選択肢, 金額), an entry without 商品管理番号 serving every item.
 */

/** One option chosen on a line: 項目名, 選択肢, and its surcharge per unit in yen when known. */
export type ChosenOption = { name: string; choice: string; amount: number | null };

/** An entry of the shop's table; mallItemCode '' = every item of the shop (共通項目選択肢). */
export type SurchargeEntry = { mallItemCode: string; name: string; choice: string; amount: number };

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
/** A sign (＋ or a minus: −, ▲, △ are how Japanese shops write a discount) then ¥n or n円. */
const SIGNED = new RegExp(String.raw`([+\-−▲△])\s*(?:¥\s*${NUMBER}|${NUMBER}\s*円)`);
/** An unsigned amount only counts in brackets, 「(330円)」: bare 「3000円分」 is what is sold, not a surcharge. */
const BRACKETED = new RegExp(String.raw`[(\[【〔「]\s*(?:¥\s*${NUMBER}|${NUMBER}\s*円)`);
/** Said to be before tax: not what the buyer pays, so the table decides instead. */
const BEFORE_TAX = /^[^)\]】〕」]{0,6}?(税抜|税別|\+\s*税|外税)/;

/** Full-width digits, signs, brackets and ¥ as their half-width selves (NFKC), the text trimmed. */
export const normalised = (text: string) => text.normalize("NFKC").trim();

/**
 * The surcharge the choice's own words give, per unit, tax included: +330 for 「希望する(+330円)」,
 * 「(＋３３０円・税込)」 or 「+¥330」; −100 for 「不要(-100円)」 or 「▲100円」; null when the words give no
 * amount, or one said to be before tax (「+300円(税別)」).
 */
export function surchargeInText(choice: string): number | null {
  const text = normalised(choice);
  const signed = SIGNED.exec(text);
  const match = signed ?? BRACKETED.exec(text);
  if (!match) return null;
  if (BEFORE_TAX.test(text.slice(match.index + match[0].length))) return null;
  const digits = (signed ? (match[2] ?? match[3]) : (match[1] ?? match[2])) ?? "";
  const amount = Number(digits.replaceAll(",", ""));
  return signed && signed[1] !== "+" ? -amount : amount;
}

/**
 * The options of a choice text, one 「項目名:選択肢」 per line (a line with no colon is all choice), each
 * with the amount its words give.
 */
export function chosenOptions(text: string): ChosenOption[] {
  return text
    .split(/\r\n|\r|\n/)
    .map(normalised)
    .filter((line) => line !== "")
    .map((line) => {
      const colon = line.indexOf(":");
      const name = colon < 0 ? "" : line.slice(0, colon).trim();
      const choice = colon < 0 ? line : line.slice(colon + 1).trim();
      return { name, choice, amount: surchargeInText(choice) };
    });
}

const entryKey = (mallItemCode: string, name: string, choice: string) =>
  [mallItemCode, normalised(name), normalised(choice)].join("\u0000");

/** The shop's table, looked up by item, 項目名 and 選択肢 (compared as normalised). */
export function surchargeTable(entries: readonly SurchargeEntry[]): Map<string, number> {
  return new Map(entries.map((e) => [entryKey(e.mallItemCode, e.name, e.choice), e.amount]));
}

/**
 * Each option's amount: its words' own, else the table's entry for this item, else the table's entry
 * for every item, else none (0 counted).
 */
export function withTableAmounts(
  mallItemCode: string,
  options: readonly ChosenOption[],
  table: ReadonlyMap<string, number>,
): ChosenOption[] {
  return options.map((o) => {
    if (o.amount !== null) return o;
    const amount =
      table.get(entryKey(mallItemCode, o.name, o.choice)) ?? table.get(entryKey("", o.name, o.choice));
    return amount === undefined ? o : { ...o, amount };
  });
}

/** オプション金額 of a line, per unit: the sum of the amounts known. */
export const optionAmountOf = (options: readonly ChosenOption[]) =>
  options.reduce((sum, o) => sum + (o.amount ?? 0), 0);
