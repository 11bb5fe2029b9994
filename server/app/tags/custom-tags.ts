import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { tags } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { TagRule } from "#server/domain/tag-rules.ts";
import { type Actor, type AppContext, actorLabel } from "../context.ts";
import { lockOrdersHeldBy, releaseOrders } from "../orders/held-orders.ts";

export type TagRow = typeof tags.$inferSelect;
export type TagInput = { name: string; color: string; hold: boolean; rule: TagRule | null };

export const DEFAULT_TAG_COLOR = "#6c757d";

/** タグ作成. A rule only applies to orders leaving 新規受付 from now on. */
export async function createTag(ctx: AppContext, accountId: string, input: TagInput): Promise<TagRow> {
  return ctx.db.transaction(async (tx) => {
    await ensureNameFree(tx, accountId, input.name, null);
    const [row] = await tx
      .insert(tags)
      .values({
        id: ctx.newId(),
        accountId,
        kind: "custom",
        systemCode: null,
        ...input,
        createdAt: ctx.clock.now(),
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    return row;
  });
}

/**
 * タグ変更. A changed rule does not re-tag orders already past 新規受付. Taking the hold off lets the
 * orders it alone was stopping move on, in this transaction.
 */
export async function updateTag(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  tagId: string,
  input: Partial<TagInput>,
): Promise<TagRow> {
  const meta = { actor: actorLabel(actor), now: ctx.clock.now() };
  return ctx.db.transaction(async (tx) => {
    const before = await customTag(tx, accountId, tagId);
    const held = before.hold && input.hold === false ? await lockOrdersHeldBy(tx, accountId, tagId) : [];
    // Waits for whoever is attaching this tag (they share-lock it), so their orders are seen below.
    const tag = await customTag(tx, accountId, tagId, "no key update");
    if (input.name !== undefined && input.name !== tag.name)
      await ensureNameFree(tx, accountId, input.name, tagId);
    if (Object.values(input).every((v) => v === undefined)) return tag;
    const [row] = await tx
      .update(tags)
      .set(input)
      .where(and(eq(tags.id, tagId), eq(tags.accountId, accountId)))
      .returning();
    if (!row) throw new Error("update returned nothing");
    if (tag.hold && !row.hold) {
      // Orders tagged while this waited for the tag lock are committed by now and seen here.
      const all = [...new Set([...held, ...(await lockOrdersHeldBy(tx, accountId, tagId))])];
      await releaseOrders(
        tx,
        ctx,
        accountId,
        all,
        {
          type: "tag_hold_released",
          message: `タグ「${row.name}」が保留なしに変更されたため、保留が解除されました`,
          detail: { tagId },
        },
        meta,
      );
    }
    return row;
  });
}

/** The account's custom tag; a system tag is the system's to set and change. */
export async function customTag(
  tx: Db,
  accountId: string,
  tagId: string,
  lock?: "update" | "no key update",
): Promise<TagRow> {
  const query = tx
    .select()
    .from(tags)
    .where(and(eq(tags.id, tagId), eq(tags.accountId, accountId)));
  const [tag] = lock ? await query.for(lock) : await query;
  if (!tag) throw notFound("tag", "タグ");
  if (tag.kind === "system") {
    throw new Refusal("tag.system_tag_readonly", `システムタグ「${tag.name}」は変更・削除できません。`, {
      rule: tag.systemCode ?? undefined,
    });
  }
  return tag;
}

async function ensureNameFree(
  tx: Db,
  accountId: string,
  name: string,
  exceptId: string | null,
): Promise<void> {
  // Serializes two requests creating the same name, so the check below cannot pass for both.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`tag:${accountId}:${name}`}, 0))`);
  const [taken] = await tx
    .select({ id: tags.id })
    .from(tags)
    .where(
      and(eq(tags.accountId, accountId), eq(tags.name, name), exceptId ? ne(tags.id, exceptId) : undefined),
    );
  if (taken) {
    throw new Refusal("tag.name_taken", `タグ名「${name}」はすでに使われています。`, {
      errors: [{ path: "name", message: "同じ名前のタグがあります(システムタグを含む)" }],
    });
  }
}
