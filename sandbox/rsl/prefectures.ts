import { PREFECTURES as JIS_PREFECTURES } from "#server/domain/prefectures.ts";

/**
 * The 47 都道府県 as RSL's address check knows them: the full name, 都/道/府/県 included. The one place
 * a sandbox reads Juchu's code, on purpose: the list is JIS X 0401, not Juchu's logic, and that file
 * imports nothing, so the sandbox still runs without the rest of the server.
 */
export const PREFECTURES: ReadonlySet<string> = new Set(JIS_PREFECTURES);
