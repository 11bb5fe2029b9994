import type { shops } from "#server/db/schema.ts";
import { type MallClient, MallError } from "#server/ports/mall.ts";
import type { SealedSecret } from "#server/ports/secret-box.ts";
import type { AppContext } from "./context.ts";

/** The shop's mall client, its credentials opened for this call only; none saved is the merchant's to fix. */
export function mallClientOf(ctx: AppContext, shop: typeof shops.$inferSelect): MallClient {
  if (!shop.credentials) {
    throw new MallError(
      "mall.credentials_missing",
      "ショップの認証情報が登録されていません。ショップ設定で入力してください。",
      {
        retryable: false,
      },
    );
  }
  return ctx.malls({
    channel: shop.channel,
    credentials: ctx.secrets.open(shop.credentials as SealedSecret),
  });
}
