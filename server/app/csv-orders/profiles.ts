import { and, asc, eq } from "drizzle-orm";
import { csvOrderProfiles } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { FileLayout } from "#server/ports/order-upload.ts";
import type { AppContext } from "../context.ts";
import { orderFileUpload } from "./file-upload.ts";

export type ProfileInput = Omit<FileLayout, "id" | "builtIn">;

type Row = typeof csvOrderProfiles.$inferSelect;
const fromRow = (r: Row): FileLayout => ({
  id: r.id,
  name: r.name,
  builtIn: false,
  encoding: r.encoding,
  headerRow: r.headerRow,
  dateFormat: r.dateFormat,
  columns: r.columns as FileLayout["columns"],
});

const builtInProfile = (ctx: AppContext, id: string) =>
  orderFileUpload(ctx).builtInLayouts.find((p) => p.id === id);

/** 取込設定: the built-in ones first, then the account's own by name. */
export async function listCsvProfiles(ctx: AppContext, accountId: string): Promise<FileLayout[]> {
  const own = await ctx.db
    .select()
    .from(csvOrderProfiles)
    .where(eq(csvOrderProfiles.accountId, accountId))
    .orderBy(asc(csvOrderProfiles.name));
  return [...orderFileUpload(ctx).builtInLayouts, ...own.map(fromRow)];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function getCsvProfile(ctx: AppContext, accountId: string, id: string): Promise<FileLayout> {
  const builtIn = builtInProfile(ctx, id);
  if (builtIn) return builtIn;
  const [row] = UUID.test(id)
    ? await ctx.db
        .select()
        .from(csvOrderProfiles)
        .where(and(eq(csvOrderProfiles.id, id), eq(csvOrderProfiles.accountId, accountId)))
    : [];
  if (!row) throw notFound("csv_profile", "取込設定");
  return fromRow(row);
}

const builtInRefusal = () =>
  new Refusal(
    "csv_profile.built_in",
    "標準の取込設定は変更・削除できません。コピーして自社用を作ってください。",
    {
      rule: "built_in_profiles_read_only",
    },
  );

export async function createCsvProfile(ctx: AppContext, accountId: string, input: ProfileInput) {
  const id = ctx.newId();
  await ctx.db.insert(csvOrderProfiles).values({ id, accountId, ...input });
  return getCsvProfile(ctx, accountId, id);
}

export async function updateCsvProfile(ctx: AppContext, accountId: string, id: string, input: ProfileInput) {
  if (builtInProfile(ctx, id)) throw builtInRefusal();
  await getCsvProfile(ctx, accountId, id);
  await ctx.db
    .update(csvOrderProfiles)
    .set({ ...input, updatedAt: ctx.clock.now() })
    .where(and(eq(csvOrderProfiles.id, id), eq(csvOrderProfiles.accountId, accountId)));
  return getCsvProfile(ctx, accountId, id);
}

/** A run keeps its own copy of the profile, so deleting one never changes a past or running import. */
export async function deleteCsvProfile(ctx: AppContext, accountId: string, id: string): Promise<void> {
  if (builtInProfile(ctx, id)) throw builtInRefusal();
  await getCsvProfile(ctx, accountId, id);
  await ctx.db
    .delete(csvOrderProfiles)
    .where(and(eq(csvOrderProfiles.id, id), eq(csvOrderProfiles.accountId, accountId)));
}
