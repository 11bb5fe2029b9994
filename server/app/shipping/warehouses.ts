import { and, eq } from "drizzle-orm";
import { warehouses } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { warehouseSettingsSchema } from "#server/domain/warehouse-settings.ts";
import type { WarehouseDefinition, WarehouseKind } from "#server/ports/warehouse.ts";
import { requireFeature } from "../account/account-plan.ts";
import type { AppContext } from "../context.ts";
import { checkedProfile } from "./import-tracking.ts";
import { warehouseKindOf } from "./warehouse-client.ts";

export type WarehouseInput = {
  name?: string | undefined;
  kind?: WarehouseKind | undefined;
  credentials?: Record<string, string> | undefined;
  settings?: Record<string, unknown> | undefined;
};

function checkedSettings(before: unknown, input: Record<string, unknown> | undefined) {
  const profiles = input?.trackingImportProfiles;
  const patch = Array.isArray(profiles)
    ? { ...input, trackingImportProfiles: profiles.map((p) => checkedProfile(p as Record<string, unknown>)) }
    : input;
  // null in the patch clears a setting (a ご依頼主 or a Yamato code the merchant no longer uses).
  const kept = Object.entries({ ...((before as object) ?? {}), ...(patch ?? {}) }).filter(
    ([, v]) => v !== null,
  );
  const merged = warehouseSettingsSchema.safeParse(Object.fromEntries(kept));
  if (merged.success) return merged.data;
  throw new Refusal("validation.failed", "倉庫の設定に誤りがあります。", {
    errors: merged.error.issues.map((i) => ({ path: `settings.${i.path.join(".")}`, message: i.message })),
  });
}

/** Every credential field the kind asks for, each problem named by its field. */
function checkedCredentials(
  kind: WarehouseDefinition,
  input: Record<string, string> | undefined,
  required: boolean,
): Record<string, string> | undefined {
  if (!input && !required) return undefined;
  const errors: { path: string; message: string }[] = [];
  const kept: Record<string, string> = {};
  for (const field of kind.credentials) {
    const value = input?.[field.key]?.trim() ?? "";
    const path = `credentials.${field.key}`;
    if (value === "") errors.push({ path, message: `${kind.label}の${field.label}を入力してください` });
    else if (value.length < field.minLength) errors.push({ path, message: `${field.label}が短すぎます` });
    else if (value.length > field.maxLength) errors.push({ path, message: `${field.label}が長すぎます` });
    else kept[field.key] = value;
  }
  if (errors.length > 0)
    throw new Refusal("validation.failed", `${kind.label}の接続情報が足りません。`, { errors });
  return kind.credentials.length > 0 ? kept : undefined;
}

/**
 * 倉庫の登録: a 3PL needs the credentials its kind asks for (sealed like a mall's); the own stock room
 * none. A kind linked through its own API needs the plan's 倉庫連携.
 */
export async function createWarehouse(
  ctx: AppContext,
  accountId: string,
  input: WarehouseInput,
): Promise<string> {
  const kind = input.kind ?? "self";
  const definition = ctx.warehouseKinds.find((d) => d.kind === kind);
  if (!definition) {
    throw new Refusal("validation.failed", "この種類の倉庫は登録できません。", {
      errors: [{ path: "kind", message: `倉庫の種類「${kind}」はありません` }],
    });
  }
  if (definition.capabilities.linkage) await requireFeature(ctx.db, accountId, "warehouse_linkage");
  const credentials = checkedCredentials(definition, input.credentials, true);
  const id = ctx.newId();
  await ctx.db.insert(warehouses).values({
    id,
    accountId,
    name: input.name ?? "倉庫",
    kind,
    credentials: credentials ? ctx.secrets.seal(credentials) : null,
    settings: checkedSettings({}, input.settings),
  });
  return id;
}

export async function updateWarehouse(
  ctx: AppContext,
  accountId: string,
  warehouseId: string,
  input: Omit<WarehouseInput, "kind">,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(warehouses)
      .where(and(eq(warehouses.id, warehouseId), eq(warehouses.accountId, accountId)))
      .for("update");
    if (!row) throw notFound("warehouse", "倉庫");
    const definition = warehouseKindOf(ctx, row.kind);
    // New credentials reconnect the linkage; a name or a setting changes nothing the plan sells.
    if (input.credentials && definition.capabilities.linkage)
      await requireFeature(tx, accountId, "warehouse_linkage");
    const credentials = checkedCredentials(definition, input.credentials, false);
    await tx
      .update(warehouses)
      .set({
        ...(input.name ? { name: input.name } : {}),
        ...(credentials ? { credentials: ctx.secrets.seal(credentials) } : {}),
        settings: checkedSettings(row.settings, input.settings),
      })
      .where(eq(warehouses.id, warehouseId));
  });
}
