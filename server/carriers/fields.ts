import { type Charset, fitCharset, sjisBytes } from "./charset.ts";
import { type CarrierCsvProblem, type CarrierSlip, type FixedIn, fixedInOf } from "./slip.ts";

/**
 * How a carrier counts a field's length. Each manual states it its own way:
 * - zenkaku: B2's "全角N文字" — a full-width character counts 1, a half-width one 0.5 (= CP932 bytes / 2);
 * - bytes: ゆうプリR's "Nバイト" in CP932;
 * - chars: e飛伝's "N文字" after Juchu widens every character to full-width, so each counts 1;
 * - hankaku: codes and phone numbers, half-width only, one per character.
 */
export type Limit = { unit: "zenkaku" | "bytes" | "chars" | "hankaku"; max: number };

export function measure(text: string, unit: Limit["unit"]): number {
  if (unit === "zenkaku") return sjisBytes(text) / 2;
  if (unit === "bytes") return sjisBytes(text);
  return [...text].length;
}

/** "お届け先住所 は全角32文字まで(現在 40 文字)"; together for a value spread over several columns. */
export function limitMessage(field: string, limit: Limit, current: number, together = false): string {
  const head = `${field} は${together ? "合わせて" : ""}`;
  switch (limit.unit) {
    case "zenkaku":
      return `${head}全角${limit.max}文字まで(現在 ${current} 文字)`;
    case "bytes":
      return `${head}${limit.max}バイト(全角${limit.max / 2}文字)まで(現在 ${current} バイト)`;
    case "chars":
      return `${head}${limit.max}文字まで(現在 ${current} 文字)`;
    case "hankaku":
      return `${head}半角${limit.max}文字まで(現在 ${current} 文字)`;
  }
}

/** Checks one slip's fields, reporting every problem and returning the value to write. */
export function fieldChecker(slipNumber: string, charset: Charset, report: (p: CarrierCsvProblem) => void) {
  const problem = (
    field: string,
    rule: CarrierCsvProblem["rule"],
    message: string,
    value: string,
    fixedIn: FixedIn = fixedInOf(field),
  ) => report({ slipNumber, field, rule, message, value, fixedIn });

  function encodable(field: string, value: string): string {
    const fitted = fitCharset(value, charset);
    if (fitted.refused.length > 0)
      problem(
        field,
        "unencodable_character",
        `${field} に送り状で使えない文字「${fitted.refused.join("」「")}」があります。常用の字体に直してください`,
        value,
      );
    return fitted.text;
  }

  function fits(field: string, value: string, limit: Limit): boolean {
    const current = measure(value, limit.unit);
    if (current <= limit.max) return true;
    problem(field, "max_length", limitMessage(field, limit, current), value);
    return false;
  }

  function required(field: string, value: string, isRequired: boolean): boolean {
    if (value.trim() !== "") return true;
    if (isRequired) problem(field, "required", `${field} は必須です`, value);
    return false;
  }

  return {
    problem,
    encodable,
    /** Free text: substituted, checked against the charset and the length limit. */
    text(
      field: string,
      raw: string | null | undefined,
      limit: Limit,
      opts: { required?: boolean } = {},
    ): string {
      const value = (raw ?? "").trim();
      if (!required(field, value, opts.required ?? false)) return "";
      const fitted = encodable(field, value);
      fits(field, fitted, limit);
      return fitted;
    },
    /** Half-width letters and digits only (お客様管理番号). */
    code(field: string, raw: string, max: number): string {
      const value = raw.trim();
      if (!required(field, value, true)) return "";
      if (!/^[0-9A-Za-z]+$/.test(value))
        problem(field, "format", `${field} は半角英数字で入力してください`, value);
      else fits(field, value, { unit: "hankaku", max });
      return value;
    },
    /** 〒: 7 digits written 123-4567, whatever width and hyphen the merchant typed. */
    postalCode(field: string, raw: string): string {
      const digits = raw.normalize("NFKC").replace(/[-ー－‐\s]/g, "");
      if (!required(field, digits, true)) return "";
      if (/^\d{7}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3)}`;
      problem(field, "format", `${field} は7桁の数字で入力してください(例 123-4567)`, raw);
      return raw;
    },
    /** Phone numbers keep the merchant's hyphens (the carriers print them as given). */
    phone(field: string, raw: string, max: number): string {
      const value = raw
        .normalize("NFKC")
        .replace(/[ー－‐]/g, "-")
        .trim();
      if (!required(field, value, true)) return "";
      if (!/^\d[\d-]*\d$/.test(value) || value.replace(/-/g, "").length < 10)
        problem(field, "format", `${field} は数字とハイフンで入力してください(例 03-1234-5678)`, raw);
      else fits(field, value, { unit: "hankaku", max });
      return value;
    },
    /** A YYYY-MM-DD date rewritten in the carrier's form. */
    date(field: string, raw: string | null, style: "slash" | "compact", opts: { required?: boolean } = {}) {
      const value = raw ?? "";
      if (!required(field, value, opts.required ?? false)) return "";
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
        problem(field, "format", `${field} の日付が正しくありません`, value);
        return value;
      }
      return style === "slash" ? `${m[1]}/${m[2]}/${m[3]}` : `${m[1]}${m[2]}${m[3]}`;
    },
  };
}

export type FieldChecker = ReturnType<typeof fieldChecker>;

export function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 都道府県 + 市区町村番地, without doubling the prefecture when the mall already put it in address1. */
export function streetAddress(a: { prefecture: string; address1: string }): string {
  const line = a.address1.trim();
  return line.startsWith(a.prefecture) ? line : `${a.prefecture}${line}`;
}

/**
 * Juchu's stored slot ("午前中", "14:00-16:00") as a key of the carriers' code tables: "am" or "14-16".
 * null for a slot no carrier code can express ("午後", "最終便(19:00以降)", 14:30 starts).
 */
export function slotKey(slot: string): string | null {
  const s = slot.normalize("NFKC").trim();
  if (s === "午前中" || s === "08:00-12:00") return "am";
  const m = /^(\d{2}):00-(\d{2}):00$/.exec(s);
  return m ? `${m[1]}-${m[2]}` : null;
}

const SLOT_LABEL = (key: string) => (key === "am" ? "午前中" : `${key.replace("-", "〜")}時`);

/**
 * The carrier's time-slot code. A slot the carrier does not offer is a problem, not a blank: a blank
 * would silently drop the buyer's wish, and the merchant should choose the nearest slot themself.
 */
export function slotCode(
  check: FieldChecker,
  field: string,
  slot: string | null,
  codes: Readonly<Record<string, string>>,
  carrierLabel: string,
): string {
  if (slot === null || slot.trim() === "") return "";
  const key = slotKey(slot);
  const code = key === null ? undefined : codes[key];
  if (code !== undefined) return code;
  const offered = Object.keys(codes).map(SLOT_LABEL).join("、");
  check.problem(
    field,
    "format",
    `お届け時間帯「${slot}」は${carrierLabel}では指定できません(指定できるのは ${offered})`,
    slot,
  );
  return "";
}

/** Greedy cut into pieces of at most limit.max (never splitting a character). */
export function chunk(text: string, limit: Limit): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const char of text) {
    if (current !== "" && measure(current + char, limit.unit) > limit.max) {
      pieces.push(current);
      current = "";
    }
    current += char;
  }
  if (current !== "") pieces.push(current);
  return pieces;
}

/**
 * A long value spread over the carrier's numbered columns (住所1–3, 名称1–2). Each part starts a new
 * column when everything still fits, so the building name prints on its own line; otherwise the parts
 * run on. Beyond count × max it is a max_length problem naming the columns together.
 */
export function spread(
  check: FieldChecker,
  field: string,
  parts: (string | undefined)[],
  limit: Limit,
  count: number,
  opts: { required?: boolean } = {},
): string[] {
  const values = parts.map((p) => (p ?? "").trim()).filter((p) => p !== "");
  const blank = Array.from({ length: count }, () => "");
  if (values.length === 0) {
    if (opts.required) check.problem(field, "required", `${field} は必須です`, "");
    return blank;
  }
  const fitted = values.map((v) => check.encodable(field, v));
  const separate = fitted.flatMap((v) => chunk(v, limit));
  const joined = chunk(fitted.join(""), limit);
  const pieces = separate.length <= count ? separate : joined;
  if (pieces.length > count) {
    const whole = fitted.join("");
    const total = { ...limit, max: limit.max * count };
    check.problem(field, "max_length", limitMessage(field, total, measure(whole, limit.unit), true), whole);
  }
  return blank.map((_, i) => pieces[i] ?? "");
}

/**
 * A cash-on-delivery amount as the carrier takes it: whole yen from 1 to the carrier's maximum. An order
 * whose amount is not fixed yet (送料未確定) has none to collect, and says so.
 */
export function collectAmount(
  check: FieldChecker,
  field: string,
  label: string,
  amount: number,
  max: number,
) {
  if (Number.isNaN(amount))
    check.problem(field, "required", `${label} が未確定です(注文の金額が確定してから作ってください)`, "");
  else if (!Number.isInteger(amount) || amount < 1 || amount > max)
    check.problem(
      field,
      "format",
      `${label} は1〜${max.toLocaleString("en-US")}円の整数です`,
      String(amount),
    );
  return Number.isNaN(amount) ? "" : String(amount);
}

/**
 * The consumption tax inside a cash-on-delivery amount, printed on the slip by every carrier; without the
 * order's own breakdown, 10% of it.
 */
export function cashOnDeliveryTax(slip: CarrierSlip, amount: number): string {
  return String(slip.cashOnDeliveryTax ?? Math.floor((amount * 10) / 110));
}

/**
 * One blank row of a carrier's layout and the way to fill it: by the column's 1-based position as the
 * carrier's manual numbers it, several values filling the columns that follow (住所1–3 …).
 */
export function layoutRow<C extends Record<string, number>>(header: readonly string[], columns: C) {
  const out: string[] = header.map(() => "");
  const put = (column: keyof C, values: readonly string[]) => {
    values.forEach((v, i) => {
      out[(columns[column] as number) - 1 + i] = v;
    });
  };
  return { out, put };
}
