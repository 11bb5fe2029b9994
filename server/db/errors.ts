/** PostgreSQL's unique_violation, as both drivers report it under Drizzle's query error. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const pgError = e as Error & { code?: string; constraint?: string };
    if (pgError.code === "23505")
      return pgError.constraint === undefined || pgError.constraint === constraint;
  }
  return false;
}

type QueryError = Error & { query: string; params: unknown[] };
type PgError = Error & { code?: string; constraint?: string };

const isErrorLike = (e: unknown): e is { message: string } =>
  typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string";
const isQueryError = (e: Error): e is QueryError => "query" in e && "params" in e;
// Data exceptions (22xxx) quote the value they could not take, e.g. `invalid input syntax for type
// integer: "山田太郎"`.
const withoutQuotedValues = (message: string) => message.replace(/"[^"]*"/g, '"…"');

/**
 * A failure as it may be logged: the query text, the database's code and message, and where it
 * happened — never the query's parameters nor the database's `detail` ("Failing row contains (…)"),
 * which carry buyers' names, phones and addresses.
 */
export function loggableError(error: unknown): string {
  if (!(error instanceof Error)) {
    if (!isErrorLike(error)) return String(error);
    // A plain copy of an error (pg-boss emits a worker's failure as `{ ...error, message, stack }`).
    return loggableError(Object.assign(new Error(error.message), error));
  }
  const lines: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const pg = e as PgError;
    if (typeof pg.code === "string" && /^[0-9A-Z]{5}$/.test(pg.code)) {
      const message = pg.code.startsWith("22") ? withoutQuotedValues(pg.message) : pg.message;
      lines.push(`database error ${pg.code}: ${message}${pg.constraint ? ` (${pg.constraint})` : ""}`);
    } else if (isQueryError(e)) lines.push(`${e.name}: failed query: ${e.query}`);
    else lines.push(`${e.name}: ${e.message}`);
  }
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return [...lines, ...frames].join("\n");
}

/**
 * Why a job gave up, for the merchant's screen: the database's own message when it answered (quoted
 * values removed as in the log), else the innermost error's — never a query or its parameters.
 */
export function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  let reason = error.name;
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const pg = e as PgError;
    if (typeof pg.code === "string" && /^[0-9A-Z]{5}$/.test(pg.code))
      return pg.code.startsWith("22") ? withoutQuotedValues(pg.message) : pg.message;
    if (!isQueryError(e)) reason = e.message;
  }
  return reason;
}
