import { getTableColumns, is, SQL, sql, type Table } from "drizzle-orm";

/**
 * Many rows as ONE bind parameter: a JSON array read back by `jsonb_populate_recordset` with the
 * table's own row type. A batch of 500 orders is one parameter, not 20,000.
 */
export function jsonRows<T extends Table>(table: T, rows: readonly Partial<T["$inferInsert"]>[]) {
  const columns = getTableColumns(table);
  const keys = new Set<string>();
  for (const r of rows)
    for (const [k, v] of Object.entries(r)) if (v !== undefined && k in columns) keys.add(k);
  const fields = [...keys].map((key) => {
    const column = columns[key];
    // A row that leaves out a column another row sets gets the column's default, as an INSERT would.
    const fallback =
      column && column.default !== undefined && !is(column.default, SQL) ? column.default : null;
    return { key, name: column?.name ?? key, fallback };
  });
  const json = rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const { key, name, fallback } of fields) {
      const value = (r as Record<string, unknown>)[key];
      out[name] = value === undefined ? fallback : value;
    }
    return out;
  });
  const names = sql.join(
    fields.map((f) => sql.identifier(f.name)),
    sql`, `,
  );
  return { names, source: sql`jsonb_populate_recordset(null::${table}, ${JSON.stringify(json)}::jsonb)` };
}

/** `insert into <table> (cols) select cols from <json rows>`, plus whatever follows (on conflict …). */
export function insertJsonRows<T extends Table>(
  table: T,
  rows: readonly Partial<T["$inferInsert"]>[],
  tail: SQL = sql``,
): SQL {
  const { names, source } = jsonRows(table, rows);
  return sql`insert into ${table} (${names}) select ${names} from ${source} ${tail}`;
}
