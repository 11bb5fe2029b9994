import { and, asc, desc, eq, isNotNull, isNull, like, or, type SQL, sql } from "drizzle-orm";
import { actorNameSql } from "#server/db/actor-names.ts";
import type { Db } from "#server/db/database.ts";
import { inquiries, orderEvents, orders, shops } from "#server/db/schema.ts";
import { type ActedBy, actedBy } from "#server/domain/acted-by.ts";
import { decodeCursor, encodeCursor } from "#server/domain/keyset-cursor.ts";
import { notFound } from "#server/domain/refusal.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";

/** 問い合わせ一覧's filters: open = not 対応完了, handled = 対応完了, cancel = cancel requests. */
export const INQUIRY_STATES = ["open", "linked", "unlinked", "handled", "cancel"] as const;
export type InquiryState = (typeof INQUIRY_STATES)[number];

const MESSAGE_PREVIEW = 200;

export type InquirySummary = {
  id: string;
  shopId: string;
  shopName: string;
  inquiryNumber: string;
  orderId: string | null;
  mallOrderNumber: string | null;
  buyerName: string;
  message: string;
  category: string | null;
  cancelRequested: boolean;
  action: "cancelled" | "withdrawn" | "withdraw_refused" | "tagged" | "none";
  actionNote: string | null;
  replyState: "none" | "pending" | "sent" | "failed";
  replyError: string | null;
  read: boolean;
  completed: boolean;
  receivedAt: string;
  updatedAt: string;
};

const STATE_FILTER: Record<InquiryState, SQL | undefined> = {
  open: eq(inquiries.completed, false),
  linked: isNotNull(inquiries.orderId),
  unlinked: isNull(inquiries.orderId),
  handled: eq(inquiries.completed, true),
  cancel: eq(inquiries.cancelRequested, true),
};

type Row = { inquiry: typeof inquiries.$inferSelect; shopName: string };

function summary({ inquiry: i, shopName }: Row, full: boolean): InquirySummary {
  return {
    id: i.id,
    shopId: i.shopId,
    shopName,
    inquiryNumber: i.inquiryNumber,
    orderId: i.orderId,
    mallOrderNumber: i.mallOrderNumber,
    buyerName: i.buyerName,
    message: full ? i.message : [...i.message].slice(0, MESSAGE_PREVIEW).join(""),
    category: i.category,
    cancelRequested: i.cancelRequested,
    action: (i.action ?? "none") as InquirySummary["action"],
    actionNote: i.actionNote,
    replyState: i.replyState as InquirySummary["replyState"],
    replyError: i.replyError,
    read: i.read,
    completed: i.completed,
    receivedAt: toTokyoIso(i.receivedAt),
    updatedAt: toTokyoIso(i.updatedAt),
  };
}

/** 問い合わせ一覧: newest first, keyset-paged. */
export async function listInquiries(
  db: Db,
  accountId: string,
  query: {
    shopId?: string | undefined;
    state?: InquiryState | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<{ items: InquirySummary[]; nextCursor: string | null }> {
  const where: (SQL | undefined)[] = [eq(inquiries.accountId, accountId)];
  if (query.shopId) where.push(eq(inquiries.shopId, query.shopId));
  if (query.state) where.push(STATE_FILTER[query.state]);
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    const at = new Date(c.at);
    where.push(
      or(
        sql`${inquiries.receivedAt} < ${at}`,
        and(eq(inquiries.receivedAt, at), sql`${inquiries.id} < ${c.id}`),
      ),
    );
  }
  const rows = await db
    .select({ inquiry: inquiries, shopName: shops.name })
    .from(inquiries)
    .innerJoin(shops, eq(shops.id, inquiries.shopId))
    .where(and(...where))
    .orderBy(desc(inquiries.receivedAt), desc(inquiries.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => summary(r, false)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ at: last.inquiry.receivedAt.toISOString(), id: last.inquiry.id })
        : null,
  };
}

export type InquiryDetail = InquirySummary & {
  replies: { from: "buyer" | "shop"; message: string; at: string }[];
  timeline: { at: string; actor: string; actedBy: ActedBy; type: string; message: string }[];
};

/** One thread in full, with what its order's timeline says about it; another account's id is not found. */
export async function inquiryDetail(db: Db, accountId: string, id: string): Promise<InquiryDetail> {
  const [row] = await db
    .select({ inquiry: inquiries, shopName: shops.name })
    .from(inquiries)
    .innerJoin(shops, eq(shops.id, inquiries.shopId))
    .where(and(eq(inquiries.id, id), eq(inquiries.accountId, accountId)));
  if (!row) throw notFound("inquiry", "問い合わせ");
  const orderId = row.inquiry.orderId;
  const events = orderId
    ? await db
        .select({
          order_events: orderEvents,
          actorName: sql<
            string | null
          >`${sql.raw(actorNameSql('"order_events"."actor"', '"orders"."account_id"'))}`,
        })
        .from(orderEvents)
        .innerJoin(orders, eq(orders.id, orderEvents.orderId))
        .where(
          and(
            eq(orderEvents.orderId, orderId),
            eq(orders.accountId, accountId),
            or(like(orderEvents.actor, "system:inquiry-%"), sql`${orderEvents.detail}->>'inquiryId' = ${id}`),
          ),
        )
        .orderBy(asc(orderEvents.id))
    : [];
  return {
    ...summary(row, true),
    replies: row.inquiry.thread.map((r) => ({
      from: r.from,
      message: r.message,
      at: toTokyoIso(new Date(r.at)),
    })),
    timeline: events.map(({ order_events: e, actorName }) => ({
      at: toTokyoIso(e.at),
      actor: e.actor,
      actedBy: actedBy(e.actor, actorName ? { [e.actor]: actorName } : {}),
      type: e.type,
      message: e.message,
    })),
  };
}
