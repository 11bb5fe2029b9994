import type { shops } from "#server/db/schema.ts";
import { shopMastersOf } from "#server/domain/mall-masters.ts";
import type {
  ChannelClients,
  InquiryInbox,
  OrderSink,
  OrderSource,
  StockSink,
} from "#server/ports/channel.ts";
import { MallError } from "#server/ports/mall.ts";
import type { SealedSecret } from "#server/ports/secret-box.ts";
import type { AppContext } from "../context.ts";

type Shop = typeof shops.$inferSelect;

/** The shop's channel clients, its credentials opened for this call only; none saved is the merchant's to fix. */
function clientsOf(ctx: AppContext, shop: Shop): ChannelClients {
  const definition = ctx.channels.get(shop.channel);
  if (definition?.credentials.length && !shop.credentials) {
    throw new MallError(
      "mall.credentials_missing",
      "ショップの認証情報が登録されていません。ショップ設定で入力してください。",
      { retryable: false, credentials: true },
    );
  }
  return ctx.channelClients({
    channel: shop.channel,
    credentials: shop.credentials ? ctx.secrets.open(shop.credentials as SealedSecret) : {},
    // マスタ管理: orders are read, and reports said, with the shop's own tables.
    masters: shopMastersOf(definition?.masters ?? [], shop.masters),
  });
}

/** A part the shop's channel lacks: a person's to see (the job would fail the same way every time). */
function lacking(shop: Shop, what: string): MallError {
  return new MallError(
    "channel.not_supported",
    `このショップのチャネル(${shop.channel})は${what}に対応していません。`,
    { retryable: false },
  );
}

export function orderSourceOf(ctx: AppContext, shop: Shop): OrderSource {
  return clientsOf(ctx, shop).source ?? throwing(lacking(shop, "注文の取込"));
}

export function orderSinkOf(ctx: AppContext, shop: Shop): OrderSink {
  return clientsOf(ctx, shop).sink ?? throwing(lacking(shop, "受注連動"));
}

export function stockSinkOf(ctx: AppContext, shop: Shop): StockSink {
  return clientsOf(ctx, shop).stock ?? throwing(lacking(shop, "在庫連動"));
}

export function inquiryInboxOf(ctx: AppContext, shop: Shop): InquiryInbox {
  return clientsOf(ctx, shop).inquiries ?? throwing(lacking(shop, "問い合わせ"));
}

const throwing = (error: Error): never => {
  throw error;
};
