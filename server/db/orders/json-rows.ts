import { type Column, getTableColumns, is, SQL, sql, type Table } from "drizzle-orm";

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
    const fallback = column ? columnDefault(column) : null;
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

/**
 * `update <table> t set <cols> = v.<cols> from <json rows> v where t.id = v.id`, each row setting the
 * columns it gives: one statement per distinct set of columns (rows leave out what they do not change).
 */
export function updateJsonRows<T extends Table>(
  table: T,
  rows: readonly (Partial<T["$inferInsert"]> & { id: string })[],
): SQL[] {
  const columns = getTableColumns(table);
  const given = (r: object) =>
    Object.keys(r).filter(
      (k) => k !== "id" && k in columns && (r as Record<string, unknown>)[k] !== undefined,
    );
  const groups = new Map<string, (typeof rows)[number][]>();
  for (const r of rows) {
    const key = given(r).sort().join(",");
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()].flatMap(([key, group]) => {
    if (key === "") return [];
    const sets = sql.join(
      key.split(",").map((k) => {
        const name = sql.identifier(columns[k]?.name ?? k);
        return sql`${name} = v.${name}`;
      }),
      sql`, `,
    );
    return [sql`update ${table} t set ${sets} from ${jsonRows(table, group).source} v where t.id = v.id`];
  });
}

/** A column's default as a value, or null where the database computes it (now(), a sequence). */
function columnDefault(column: Column): unknown {
  return column.default !== undefined && !is(column.default, SQL) ? column.default : null;
}

/**
 * A row as the database will hold it once inserted: the columns left out take their defaults, a
 * computed timestamp default reads as `now`. Lets a batch decide on rows it has not written yet.
 */
export function rowAsInserted<T extends Table>(
  table: T,
  values: T["$inferInsert"],
  now: Date,
): T["$inferSelect"] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const given = (values as Record<string, unknown>)[key];
    if (given !== undefined) row[key] = given;
    else if (column.hasDefault && column.columnType === "PgTimestamp" && columnDefault(column) === null)
      row[key] = now;
    else row[key] = columnDefault(column);
  }
  return row as T["$inferSelect"];
}
