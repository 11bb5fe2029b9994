import { createRoute, z } from "@hono/zod-openapi";
import type { AppContext } from "#server/app/context.ts";
import {
  saveWarehouseCalendar,
  warehouseCalendar,
  warehouseCalendarDays,
} from "#server/app/shipping/warehouse-calendar.ts";
import { CLOSED_REASON_LABELS } from "#server/domain/business-calendar.ts";
import { DELIVERY_AREA_CODES } from "#server/domain/delivery-lead-days.ts";
import { uuid } from "#server/domain/fields.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日付は YYYY-MM-DD です");

/** What the merchant sets; the rules and their messages are domain/business-calendar.ts's. */
const calendarInput = z
  .object({
    closedWeekdays: z.array(z.int()).describe("定休日の曜日(0=日曜…6=土曜)"),
    holidaysClosed: z.boolean().describe("祝日を休業日にする(祝日は @holiday-jp/holiday_jp)"),
    closedDates: z
      .array(z.object({ date: z.string(), note: z.string().optional() }))
      .describe("臨時休業日(年末年始・夏季休業など)と理由"),
    openDates: z.array(z.string()).describe("臨時営業日: 定休日・祝日でも出荷する日"),
    leadDays: z.int().describe("出荷までの日数(営業日)。0 は締め時刻までの注文を当日出荷"),
    cutoff: z
      .string()
      .nullable()
      .describe("出荷締め時刻(HH:MM、Asia/Tokyo)。null は締めなし(その日の注文は当日扱い)"),
    deliveryDays: z
      .partialRecord(z.enum(DELIVERY_AREA_CODES), z.int())
      .describe("地域ごとの配送日数(既定から変えたものだけ)"),
  })
  .openapi("WarehouseCalendarInput");

const calendarSchema = calendarInput
  .extend({
    closedDates: z.array(z.object({ date: z.string(), note: z.string() })),
    originPrefecture: z
      .string()
      .nullable()
      .describe("配送日数の起点(ご依頼主の都道府県)。null は本州として計算"),
    areas: z
      .array(z.object({ code: z.string(), label: z.string(), days: z.int(), defaultDays: z.int() }))
      .describe("地域ごとの配送日数(既定値はJuchuの目安で、配送会社の公表値ではありません)"),
  })
  .openapi("WarehouseCalendar");

const daySchema = z
  .object({
    date: z.string(),
    open: z.boolean().describe("出荷する日"),
    reason: z.enum(["holiday", "weekday", "closed_date", "open_date"]).nullable(),
    reasonLabel: z.string().nullable().describe("祝日・定休日・臨時休業・臨時営業日"),
    holidayName: z.string().nullable().describe("祝日名(元日、振替休日など)"),
    note: z.string().nullable().describe("臨時休業の理由"),
  })
  .openapi("CalendarDay");

const idParam = z.object({ id: uuid("倉庫IDはUUIDです") });

export function registerWarehouseCalendarRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/warehouses/{id}/calendar",
      summary: "倉庫のカレンダー(休業日・出荷締め時刻・出荷までの日数・地域ごとの配送日数)",
      ...requires("warehouses:read"),
      request: { params: idParam },
      responses: { 200: json(calendarSchema, "カレンダー"), ...errorResponses },
    }),
    async (c) => c.json(await warehouseCalendar(ctx, c.get("auth").accountId, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/warehouses/{id}/calendar",
      summary: "倉庫のカレンダーを保存(未出荷の注文の出荷予定日・お届け予定日を計算し直す)",
      ...requires("warehouses:write"),
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: calendarInput } } },
      },
      responses: { 200: json(calendarSchema, "保存したカレンダー"), ...errorResponses },
    }),
    async (c) => {
      const saved = await saveWarehouseCalendar(
        ctx,
        c.get("auth").accountId,
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      return c.json(saved, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/warehouses/{id}/calendar/days",
      summary: "カレンダーの日ごとの表示: 出荷する日か、休みならその理由(祝日名・定休日・臨時休業)",
      ...requires("warehouses:read"),
      request: { params: idParam, query: z.object({ from: date, to: date }) },
      responses: {
        200: json(z.object({ items: z.array(daySchema) }), "日ごとの営業・休業"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { from, to } = c.req.valid("query");
      const days = await warehouseCalendarDays(
        ctx,
        c.get("auth").accountId,
        c.req.valid("param").id,
        from,
        to,
      );
      const items = days.map((d) => ({
        ...d,
        reasonLabel: d.reason ? CLOSED_REASON_LABELS[d.reason] : null,
      }));
      return c.json({ items }, 200);
    },
  );
}
