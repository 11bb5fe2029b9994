import { randomUUID } from "node:crypto";
import { testDatabasePrefix, withAdmin } from "./database.ts";

/**
 * `npm test`'s one set-up for all test files (node --test-global-setup): a run id the PostgreSQL test
 * databases and their template are named with, and at the end the drop of this run's databases only —
 * never another run's on the same server. `.ci/run` passes its own id so it can clean up after a kill.
 */
export function globalSetup(): void {
  process.env.JUCHU_TEST_RUN ??= `r${randomUUID().replace(/-/g, "").slice(0, 11)}`;
}

export async function globalTeardown(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const run = process.env.JUCHU_TEST_RUN;
  if (!url || !run) return;
  await withAdmin(url, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where starts_with(datname, $1) or (starts_with(datname, 'juchu_template_') and right(datname, $2) = $3)",
      [testDatabasePrefix(run), run.length + 1, `_${run}`],
    );
    for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
  });
}
