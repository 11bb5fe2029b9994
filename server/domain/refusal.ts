/**
 * An expected "no": a refused command, a missing row, invalid input. It carries the dotted rule code
 * the API returns, and a Japanese explanation a merchant can act on. Never thrown by the domain —
 * returned; use cases throw it to roll their transaction back.
 */
export class Refusal extends Error {
  readonly code: string;
  readonly rule: string | undefined;
  readonly detail: string;
  readonly errors: readonly { path: string; message: string; rule?: string }[] | undefined;

  constructor(
    code: string,
    detail: string,
    options: { rule?: string; errors?: readonly { path: string; message: string; rule?: string }[] } = {},
  ) {
    super(`${code}${options.rule ? ` (${options.rule})` : ""}: ${detail}`);
    this.name = "Refusal";
    this.code = code;
    this.detail = detail;
    this.rule = options.rule;
    this.errors = options.errors;
  }
}

export const notFound = (what: string, label: string) =>
  new Refusal(`${what}.not_found`, `${label}が見つかりません。`);
