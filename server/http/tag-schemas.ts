import { z } from "@hono/zod-openapi";
import type { TagRow } from "#server/app/tags/custom-tags.ts";
import { DRY_RUN_MAX_LIMIT, type DryRun } from "#server/app/tags/dry-run-tag-rule.ts";
import { uuid } from "#server/domain/fields.ts";
import { ORDER_STATUS_LABELS, ORDER_STATUSES } from "#server/domain/order-status.ts";
import { describeTagRule, type TagRule, tagRuleSchema } from "#server/domain/tag-rules.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";

export const tagSchema = z
  .object({
    id: uuid(),
    name: z.string(),
    color: z.string(),
    hold: z.boolean(),
    rule: tagRuleSchema.nullable(),
    ruleDescription: z.string().nullable(),
    kind: z.enum(["custom", "system"]),
    systemCode: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Tag");

export const tagNameSchema = z
  .string("タグ名は文字列で指定してください")
  .trim()
  .min(1, "タグ名を入力してください")
  .max(30, "タグ名は30文字以内です");

export const tagColorSchema = z
  .string("色は文字列で指定してください")
  .regex(/^#[0-9a-fA-F]{6}$/, "色は #rrggbb の形式(例: #d9534f)で指定してください")
  .toLowerCase();

export const holdSchema = z.boolean("hold は true か false で指定してください");

export function presentTag(row: TagRow): z.infer<typeof tagSchema> {
  const rule = row.rule as TagRule | null;
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    hold: row.hold,
    rule,
    ruleDescription: rule ? describeTagRule(rule) : null,
    kind: row.kind as "custom" | "system",
    systemCode: row.systemCode,
    createdAt: toTokyoIso(row.createdAt),
  };
}

export const dryRunLimitSchema = z
  .int("limit は整数で指定してください")
  .min(1, "limit は1以上です")
  .max(DRY_RUN_MAX_LIMIT, `limit は${DRY_RUN_MAX_LIMIT}までです`)
  .optional();

export const dryRunSchema = z
  .object({
    examined: z.int().describe("調べた注文の数(直近の削除されていない注文、最大 limit 件)"),
    matched: z.int().describe("条件に一致した注文の数"),
    orders: z
      .array(
        z.object({
          id: uuid(),
          mallOrderNumber: z.string(),
          orderedAt: z.string(),
          buyerName: z.string(),
          total: z.int().nullable(),
          status: z.enum(ORDER_STATUSES),
          statusLabel: z.string(),
        }),
      )
      .describe("一致した注文(新しい順、最大100件)"),
    description: z.string().describe("条件の説明"),
    summary: z.string(),
  })
  .openapi("TagDryRun");

export function presentDryRun(result: DryRun, rule: TagRule): z.infer<typeof dryRunSchema> {
  const description = describeTagRule(rule);
  return {
    examined: result.examined,
    matched: result.matched,
    orders: result.orders.map((o) => ({
      ...o,
      orderedAt: toTokyoIso(o.orderedAt),
      statusLabel: ORDER_STATUS_LABELS[o.status],
    })),
    description,
    summary: `直近${result.examined}件の注文のうち${result.matched}件が条件に一致しました`,
  };
}
