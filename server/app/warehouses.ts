import { and, eq } from "drizzle-orm";
import { warehouses } from "#server/db/schema.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { warehouseSettingsSchema } from "#server/domain/warehouse-settings.ts";
import type { WarehouseKind } from "#server/ports/warehouse.ts";
import type { AppContext } from "./context.ts";
import { checkedProfile } from "./import-tracking.ts";

export type WarehouseInput = {
  name?: string | undefined;
  kind?: WarehouseKind | undefined;
  credentials?: { apiKey: string } | undefined;
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

/** 倉庫の登録: a 3PL needs its API key (sealed like a mall's); the own stock room needs none. */
export async function createWarehouse(
  ctx: AppContext,
  accountId: string,
  input: WarehouseInput,
): Promise<string> {
  const kind = input.kind ?? "self";
  if (kind === "rsl" && !input.credentials?.apiKey) {
    throw new Refusal("validation.failed", "RSLにはAPIキーが必要です。", {
      errors: [{ path: "credentials.apiKey", message: "RSLのAPIキーを入力してください" }],
    });
  }
  const id = ctx.newId();
  await ctx.db.insert(warehouses).values({
    id,
    accountId,
    name: input.name ?? "倉庫",
    kind,
    credentials: input.credentials ? ctx.secrets.seal(input.credentials) : null,
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
    await tx
      .update(warehouses)
      .set({
        ...(input.name ? { name: input.name } : {}),
        ...(input.credentials ? { credentials: ctx.secrets.seal(input.credentials) } : {}),
        settings: checkedSettings(row.settings, input.settings),
      })
      .where(eq(warehouses.id, warehouseId));
  });
}
