/** PostgreSQL's unique_violation, as both drivers report it under Drizzle's query error. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const pgError = e as Error & { code?: string; constraint?: string };
    if (pgError.code === "23505")
      return pgError.constraint === undefined || pgError.constraint === constraint;
  }
  return false;
}
