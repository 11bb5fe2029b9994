import { normalised, type SurchargeEntry } from "./option-amounts.ts";

/**
 * オプション金額表 as a CSV file (楽々通販2's 「マスター商品・項目選択肢」 CSV in spirit): one option per
 * row. Upload adds or changes rows by 商品管理番号 + 項目名 + 選択肢; an empty 金額 removes the row.
 */
export const SURCHARGE_CSV_HEADER = ["商品管理番号", "項目名", "選択肢", "金額"] as const;

/** A refused row: the CSV column and the rule it broke, in the merchant's words. */
export type SurchargeRowProblem = {
  field: (typeof SURCHARGE_CSV_HEADER)[number];
  rule: "required" | "integer" | "range" | "duplicate" | "max_length";
  message: string;
};

export type SurchargeRow =
  | { line: number; set: SurchargeEntry }
  | { line: number; remove: Omit<SurchargeEntry, "amount"> }
  | { line: number; problems: SurchargeRowProblem[] };

const MAX_AMOUNT = 9_999_999;
const MAX_TEXT = 255;

/** The header's problem, or null when its four columns are there in order. */
export function surchargeHeaderProblem(header: readonly string[]): string | null {
  const got = header.map(normalised);
  const ok =
    SURCHARGE_CSV_HEADER.every((name, i) => got[i] === name) && got.length === SURCHARGE_CSV_HEADER.length;
  return ok ? null : `見出しは「${SURCHARGE_CSV_HEADER.join(",")}」の4列にしてください`;
}

/** 金額 as written: 330, +330, ３３０, 1,100, 330円, -100, ▲100; null when it is none of these. */
function yenOf(text: string): number | null {
  const m = /^([+\-−▲]?)\s*¥?\s*(\d{1,3}(?:,\d{3})+|\d+)\s*円?$/.exec(text);
  if (!m) return null;
  const n = Number((m[2] ?? "").replaceAll(",", ""));
  return m[1] && m[1] !== "+" ? -n : n;
}

/**
 * Each record read and checked on its own (a bad row never stops the good ones), text normalised as
 * the order's words are when they are looked up. A key met twice in one file: the later row is refused.
 */
export function readSurchargeRows(records: readonly string[][], lines: readonly number[]): SurchargeRow[] {
  const seen = new Set<string>();
  return records.map((record, i) => {
    const line = lines[i] ?? i + 2;
    const [code = "", name = "", choice = "", amountText = ""] = record.map(normalised);
    const problems: SurchargeRowProblem[] = [];
    if (name === "") problems.push({ field: "項目名", rule: "required", message: "項目名を入れてください" });
    if (choice === "")
      problems.push({ field: "選択肢", rule: "required", message: "選択肢を入れてください" });
    for (const [field, value] of [
      ["商品管理番号", code],
      ["項目名", name],
      ["選択肢", choice],
    ] as const)
      if (value.length > MAX_TEXT)
        problems.push({ field, rule: "max_length", message: `${MAX_TEXT}文字以内にしてください` });
    const amount = amountText === "" ? null : yenOf(amountText);
    if (amountText !== "" && amount === null)
      problems.push({ field: "金額", rule: "integer", message: `「${amountText}」は円の整数ではありません` });
    if (amount !== null && Math.abs(amount) > MAX_AMOUNT)
      problems.push({
        field: "金額",
        rule: "range",
        message: `±${MAX_AMOUNT.toLocaleString("ja-JP")}円以内にしてください`,
      });
    const key = [code, name, choice].join("\u0000");
    if (problems.length === 0 && seen.has(key))
      problems.push({
        field: "選択肢",
        rule: "duplicate",
        message: "同じ商品管理番号・項目名・選択肢の行が前にあります",
      });
    if (problems.length > 0) return { line, problems };
    seen.add(key);
    const entry = { mallItemCode: code, name, choice };
    return amount === null ? { line, remove: entry } : { line, set: { ...entry, amount } };
  });
}
