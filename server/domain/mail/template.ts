import { Refusal } from "#server/domain/refusal.ts";
import type { MailFacts } from "./facts.ts";
import { isPlaceholder, MAIL_PLACEHOLDERS, placeholderValue } from "./placeholders.ts";
import { displayWidth } from "./text-format.ts";

export type MailTemplateText = { subject: string; body: string };

export const SUBJECT_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 20_000;

type Token =
  | { kind: "text"; text: string }
  | { kind: "placeholder"; name: string; raw: string }
  | { kind: "unclosed"; raw: string; at: number };

/**
 * A placeholder is {{name}} on one line, with no brace inside. A "{{" that does not start one is
 * unclosed — so a forgotten "}}" is caught at that spot instead of swallowing text up to a later
 * placeholder's "}}".
 */
const PLACEHOLDER = /\{\{([^{}\r\n]*)\}\}|\{\{/g;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) tokens.push({ kind: "text", text: text.slice(last, m.index) });
    const name = m[1];
    tokens.push(
      name === undefined
        ? { kind: "unclosed", raw: m[0], at: m.index }
        : { kind: "placeholder", name: name.trim(), raw: m[0] },
    );
    last = m.index + m[0].length;
  }
  if (last < text.length) tokens.push({ kind: "text", text: text.slice(last) });
  return tokens;
}

const length = (text: string): number => [...text].length;
const validNames = (): string => MAIL_PLACEHOLDERS.map((p) => `{{${p.name}}}`).join("、");

function placeholderErrors(text: string): string[] {
  const tokens = tokenize(text);
  const messages: string[] = [];
  const unknown = [
    ...new Set(tokens.flatMap((t) => (t.kind === "placeholder" && !isPlaceholder(t.name) ? [t.name] : []))),
  ];
  if (unknown.length > 0) {
    const listed = unknown.map((name) => `「{{${name}}}」`).join("");
    messages.push(`${listed}は使えない差し込み項目です。使えるもの: ${validNames()}`);
  }
  for (const t of tokens) {
    if (t.kind !== "unclosed") continue;
    const near = [...(text.slice(t.at).split(/\r?\n/)[0] ?? "")].slice(0, 15).join("");
    messages.push(
      `「${near}」の「{{」が閉じられていません。差し込み項目は {{注文番号}} のように「}}」で閉じてください。`,
    );
  }
  // An IME left in full-width mode types ｛｛注文番号｝｝, which would silently go out as written.
  if (/｛｛|｝｝/.test(text)) {
    messages.push("全角の「｛｛」「｝｝」は差し込み項目になりません。半角の {{ }} で囲んでください。");
  }
  return messages;
}

/** Checked when a merchant saves a template, so a mistake shows in the editor rather than in a buyer's inbox. */
export function checkTemplate(input: MailTemplateText): Refusal | null {
  const errors: { path: "subject" | "body"; message: string }[] = [];
  const fail = (path: "subject" | "body") => (message: string) => errors.push({ path, message });

  if (input.subject.trim() === "") fail("subject")("件名を入力してください。");
  if (/[\r\n]/.test(input.subject)) fail("subject")("件名に改行は入れられません。");
  if (length(input.subject) > SUBJECT_MAX_LENGTH) {
    fail("subject")(`件名は${SUBJECT_MAX_LENGTH}文字以内にしてください(現在${length(input.subject)}文字)。`);
  }
  placeholderErrors(input.subject).forEach(fail("subject"));

  if (input.body.trim() === "") fail("body")("本文を入力してください。");
  if (length(input.body) > BODY_MAX_LENGTH) {
    fail("body")(`本文は${BODY_MAX_LENGTH}文字以内にしてください(現在${length(input.body)}文字)。`);
  }
  placeholderErrors(input.body).forEach(fail("body"));

  if (errors.length === 0) return null;
  return new Refusal("validation.failed", "メールテンプレートに誤りがあります。", { errors });
}

const toLf = (text: string): string => text.replace(/\r\n?/g, "\n");

/**
 * A multi-line value placed after a label ("伝票番号: {{伝票番号}}") continues under its first line
 * rather than at the left edge, so the parcels line up as a column.
 */
function indentContinuation(value: string, lineSoFar: string): string {
  if (!value.includes("\n")) return value;
  const indent = /^\s*$/.test(lineSoFar) ? lineSoFar : " ".repeat(displayWidth(lineSoFar));
  return value.replace(/\n/g, `\n${indent}`);
}

function render(text: string, facts: MailFacts, oneLine: boolean): string {
  let out = "";
  for (const t of tokenize(text)) {
    if (t.kind !== "placeholder") {
      out += t.kind === "text" ? t.text : t.raw;
      continue;
    }
    const value = placeholderValue(t.name, facts);
    if (value === undefined) {
      out += t.raw; // unreachable for a checked template; left visible rather than dropped
      continue;
    }
    const lf = toLf(value);
    out += oneLine
      ? lf.replace(/\s*\n\s*/g, " ")
      : indentContinuation(lf, out.slice(out.lastIndexOf("\n") + 1));
  }
  return out;
}

/** Pure: the same template and facts always give the same mail. Never throws. */
export function renderMail(template: MailTemplateText, facts: MailFacts): MailTemplateText {
  return {
    subject: render(template.subject, facts, true)
      .replace(/\s*[\r\n]+\s*/g, " ")
      .trim(),
    body: render(toLf(template.body), facts, false),
  };
}
