import { and, asc, count, eq } from "drizzle-orm";
import { isUniqueViolation } from "#server/db/errors.ts";
import { type SAVED_SEARCH_SCREENS, savedSearches } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";

export type SavedSearchScreen = (typeof SAVED_SEARCH_SCREENS)[number];
export type SavedSearch = { id: string; screen: SavedSearchScreen; name: string; query: string };

/** Quick tabs are a short row above the list; past this a merchant is better served by filters. */
export const MAX_SAVED_SEARCHES = 30;

const columns = {
  id: savedSearches.id,
  screen: savedSearches.screen,
  name: savedSearches.name,
  query: savedSearches.query,
};

export async function listSavedSearches(ctx: AppContext, accountId: string): Promise<SavedSearch[]> {
  const rows = await ctx.db
    .select(columns)
    .from(savedSearches)
    .where(eq(savedSearches.accountId, accountId))
    .orderBy(asc(savedSearches.createdAt), asc(savedSearches.id));
  return rows as SavedSearch[];
}

/** The page cursor is dropped: a saved search opens on its first page. */
const withoutCursor = (query: string) => {
  const params = new URLSearchParams(query);
  params.delete("cursor");
  return params.toString();
};

export async function saveSearch(
  ctx: AppContext,
  accountId: string,
  input: { screen: SavedSearchScreen; name: string; query: string },
): Promise<SavedSearch> {
  const saved = {
    id: ctx.newId(),
    screen: input.screen,
    name: input.name,
    query: withoutCursor(input.query),
  };
  try {
    await ctx.db.transaction(async (tx) => {
      const [held] = await tx
        .select({ n: count() })
        .from(savedSearches)
        .where(and(eq(savedSearches.accountId, accountId), eq(savedSearches.screen, input.screen)));
      if ((held?.n ?? 0) >= MAX_SAVED_SEARCHES)
        throw new Refusal(
          "saved_search.too_many",
          `保存できる検索は${MAX_SAVED_SEARCHES}件までです。使わないものを削除してください。`,
          { rule: "max_saved_searches" },
        );
      await tx.insert(savedSearches).values({ ...saved, accountId });
    });
  } catch (error) {
    if (isUniqueViolation(error, "saved_searches_name_key"))
      throw new Refusal("saved_search.name_taken", `「${input.name}」という名前の検索はもうあります。`, {
        rule: "unique_name",
        errors: [{ path: "name", message: "同じ名前の検索があります。別の名前にしてください" }],
      });
    throw error;
  }
  return saved;
}

export async function deleteSavedSearch(ctx: AppContext, accountId: string, id: string): Promise<void> {
  const gone = await ctx.db
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.accountId, accountId)))
    .returning({ id: savedSearches.id });
  if (gone.length === 0) throw notFound("saved_search", "保存した検索");
}
