import { z } from "zod";

/**
 * An id as the database reads it: PostgreSQL matches `124640B1-…` to `124640b1-…`, so every id is
 * lower-cased on the way in and the code's own comparisons agree with the database's.
 */
export const uuid = (message?: string) => z.uuid(message).toLowerCase();

const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

/** An ISO 8601 instant with its offset, within years no order, payment or sync can lie outside. */
export const instant = (message: string) =>
  z.iso.datetime({ offset: true, error: message, abort: true }).refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }, `日時は${FIRST_YEAR}年から${LAST_YEAR}年の間で指定してください`);
