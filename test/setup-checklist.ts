import { SETUP_ITEM_CODES } from "#server/domain/setup-checklist.ts";

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

/**
 * 受注連動 on the way a merchant gets there: every item of the shop's 初期設定確認チェックシート
 * confirmed through the API, then the sync settings saved (the gate refuses them before).
 */
export async function switchSyncOn(
  call: Call,
  shopId: string,
  sync: { syncStartAt: string } & Record<string, unknown>,
): Promise<void> {
  for (const item of SETUP_ITEM_CODES) {
    const confirmed = await call("PUT", `/api/shops/${shopId}/setup-checklist/${item}`, { confirmed: true });
    if (confirmed.status !== 200) throw new Error(`${item} not confirmed: ${JSON.stringify(confirmed.body)}`);
  }
  const saved = await call("PATCH", `/api/shops/${shopId}`, { settings: { ...sync, syncEnabled: true } });
  if (saved.status !== 200) throw new Error(`sync not switched on: ${JSON.stringify(saved.body)}`);
}
