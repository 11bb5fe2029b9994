import { sql } from "drizzle-orm";
import { customType, timestamp } from "drizzle-orm/pg-core";

/** Every time column is timestamptz read as a Date: instants, shown in Asia/Tokyo by the API. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const created = () => ts("created_at").notNull().defaultNow();
export const updated = () => ts("updated_at").notNull().defaultNow();

/** `('a', 'b')` for a check constraint over a fixed list of codes, written from the list itself. */
export const oneOf = (codes: readonly string[]) => sql.raw(`(${codes.map((c) => `'${c}'`).join(", ")})`);

/** Bytes kept in the database (uploads, export files): any process of web or worker reads them back. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
