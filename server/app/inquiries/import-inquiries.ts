import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { accounts, inquiryImports, shops } from "#server/db/schema.ts";
import { planIncludes, plansWith } from "#server/domain/plans.ts";
import type { ShopSettings } from "#server/domain/shop-settings.ts";
import { MallError } from "#server/ports/mall.ts";
import { planOf } from "../account/account-plan.ts";
import { inquiryInboxOf } from "../channels/channel-clients.ts";
import type { AppContext } from "../context.ts";
import { saveInquiryPage } from "./save-inquiry-page.ts";

export type InquiryImportSummary = {
  status: "succeeded" | "failed";
  found: number;
  saved: number;
  decided: number;
  error: { code: string; message: string } | null;
};

/**
 * One poll of a shop's buyer messages: each page committed on its own, the cursor moved only once
 * every page has — a poll that fails (the channel down) or dies half-way leaves the cursor, and the
 * next poll reads the same window again; the upsert and the once-only decision make that harmless.
 */
export async function runInquiryImport(
  ctx: AppContext,
  shopId: string,
): Promise<InquiryImportSummary | null> {
  const startedAt = ctx.clock.now();
  const token = ctx.newId();
  const lease = await takeLease(ctx, shopId, token, startedAt);
  if (!lease) return null;
  const { shop, cursor } = lease;
  const settings = shop.settings as ShopSettings;
  const summary: InquiryImportSummary = { status: "succeeded", found: 0, saved: 0, decided: 0, error: null };
  let nextCursor: string | null = null;
  try {
    const changes = await inquiryInboxOf(ctx, shop).fetchChanges(cursor, {
      now: startedAt,
      pollMinutes: settings.importIntervalMinutes ?? 3,
    });
    summary.found = changes.found;
    for await (const page of changes.pages) {
      const done = await saveInquiryPage(ctx, shop, page);
      summary.saved += done.saved;
      summary.decided += done.decided;
    }
    nextCursor = changes.cursor;
  } catch (error) {
    if (!(error instanceof MallError)) throw error;
    summary.status = "failed";
    summary.error = { code: error.code, message: error.message };
  } finally {
    await ctx.db
      .update(inquiryImports)
      .set({
        leaseUntil: null,
        leaseToken: null,
        lastRunAt: startedAt,
        lastError: summary.error ? `${summary.error.code}: ${summary.error.message}` : null,
        ...(nextCursor !== null ? { cursor: nextCursor } : {}),
      })
      .where(and(eq(inquiryImports.shopId, shopId), eq(inquiryImports.leaseToken, token)));
  }
  return summary;
}

async function takeLease(ctx: AppContext, shopId: string, token: string, now: Date) {
  return ctx.db.transaction(async (tx) => {
    const [shop] = await tx.select().from(shops).where(eq(shops.id, shopId));
    // A poll queued before the plan lost the linkage does not run.
    if (!shop || !planIncludes(await planOf(tx, shop.accountId), "inquiry_linkage")) return null;
    await tx
      .insert(inquiryImports)
      .values({ shopId, accountId: shop.accountId, nextRunAt: now })
      .onConflictDoNothing();
    const [taken] = await tx
      .update(inquiryImports)
      .set({ leaseUntil: new Date(now.getTime() + ctx.importLeaseMs), leaseToken: token })
      .where(
        and(
          eq(inquiryImports.shopId, shopId),
          or(isNull(inquiryImports.leaseUntil), lt(inquiryImports.leaseUntil, now)),
        ),
      )
      .returning({ cursor: inquiryImports.cursor });
    return taken ? { shop, cursor: taken.cursor } : null;
  });
}

/**
 * The scheduler's tick: every shop whose channel answers buyer messages, whose import is on and whose
 * account's plan has the inquiry linkage gets one poll when due, its next run moved on in the same
 * transaction (two workers skip each other's rows). A shop skipped for its plan keeps its cursor and
 * its due time, so the linkage picks up where it stopped once the plan has it again.
 */
export async function enqueueDueInquiryImports(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const answering = ctx.channels.list.filter((c) => c.capabilities.inquiries).map((c) => c.code);
  if (answering.length === 0) return 0;
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into inquiry_imports (shop_id, account_id, next_run_at)
      select id, account_id, ${now} from shops
      where channel in ${answering} and (settings->>'importEnabled')::boolean
      on conflict do nothing`);
    const due = await tx
      .select({ shopId: inquiryImports.shopId, settings: shops.settings })
      .from(inquiryImports)
      .innerJoin(shops, eq(shops.id, inquiryImports.shopId))
      .innerJoin(accounts, eq(accounts.id, shops.accountId))
      .where(
        and(
          lt(inquiryImports.nextRunAt, new Date(now.getTime() + 1)),
          sql`(${shops.settings}->>'importEnabled')::boolean`,
          inArray(accounts.plan, plansWith("inquiry_linkage")),
        ),
      )
      .for("update", { of: inquiryImports, skipLocked: true });
    for (const d of due) {
      const interval = (d.settings as ShopSettings).importIntervalMinutes ?? 3;
      await ctx.jobs.enqueue(tx, "inquiry-import", { shopId: d.shopId }, { singletonKey: d.shopId });
      await tx
        .update(inquiryImports)
        .set({ nextRunAt: new Date(now.getTime() + interval * 60_000) })
        .where(eq(inquiryImports.shopId, d.shopId));
    }
    return due.length;
  });
}
