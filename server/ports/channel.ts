/**
 * A channel (販売チャネル): where a shop's orders come from and what Juchu may tell it back. Each one
 * is a folder under server/channels/ that registers a ChannelDefinition; generic code asks the
 * definition's capabilities and never names a channel.
 */

import type { CancelSignal } from "#server/domain/inquiry-linkage.ts";
import type { MasterKind, ShopMasters } from "#server/domain/mall-masters.ts";
import type { MallOrder, MallShippingReport, MallStockUpdate } from "./mall.ts";
import type { OrderFileUpload } from "./order-upload.ts";
import type { ProductFileReader } from "./product-file.ts";

/** What one fetch of a poll source covers, and its orders a page at a time. */
export type OrderChanges = {
  /** The order dates the fetch looks at, for the import log. */
  window: { from: Date; to: Date };
  /** How many orders the channel listed as new or changed. */
  found: number;
  /**
   * The listed orders, a page at a time (one transaction each); `missing` holds numbers the channel
   * listed but did not hand out — an error, so the caller keeps its cursor.
   */
  pages: AsyncIterable<{ orders: MallOrder[]; missing: string[] }>;
  /** Where the next fetch starts once every page is saved: the caller stores it only then. */
  cursor: string;
};

/** Orders read from the channel: by polling changes since an opaque cursor, or by number. */
export type OrderSource = {
  /**
   * Orders new or changed since `cursor` (null: the shop's first poll). `pollMinutes` is how often
   * the shop is polled, for a source that reads back a little before its cursor.
   */
  fetchChanges(cursor: string | null, at: { now: Date; pollMinutes: number }): Promise<OrderChanges>;
  /** The orders behind these numbers as the channel has them now; unknown numbers are left out. */
  getOrders(mallOrderNumbers: readonly string[]): Promise<MallOrder[]>;
  /** 接続テスト: reads without writing; how many orders the last hour holds. */
  checkConnection(now: Date): Promise<{ found: number }>;
};

/** What Juchu tells the channel about its orders (受注連動). */
export type OrderSink = {
  /** 注文確認: the merchant has taken the orders on. Done already counts as done. */
  confirmOrders(mallOrderNumbers: readonly string[]): Promise<void>;
  /** `reasonCode` is one of the definition's cancelReasons codes, without the channel prefix. */
  cancelOrder(input: { mallOrderNumber: string; reasonCode: string }): Promise<void>;
  /** One parcel; given `mallShippingId`, the report already there is amended, never added to. */
  reportShipping(report: MallShippingReport): Promise<{ mallShippingId: string }>;
};

/** Sellable quantities sent to the channel's stock. */
export type StockSink = {
  pushStock(updates: readonly MallStockUpdate[]): Promise<void>;
};

/**
 * A buyer's message thread at the channel (楽天: R-Messe, read through RMS 問い合わせ管理API). Which
 * threads are cancel requests the channel says through its category where it can; where it cannot
 * be sure, the shop's own phrases decide (the app checks them).
 */
export type MallInquiry = {
  inquiryNumber: string;
  /** The order the buyer asked about, as the channel numbers it; null when none was chosen. */
  mallOrderNumber: string | null;
  buyerName: string;
  /** The buyer's first message. */
  message: string;
  receivedAt: Date;
  /** The channel's own category / type words, kept as sent (shown in the inbox). */
  category: string | null;
  /** What the channel's own category says about cancelling (the shop's phrases decide the rest). */
  cancelSignal: CancelSignal;
  /** Later messages of the thread, oldest first: the buyer's and the shop's. */
  replies: readonly { from: "buyer" | "shop"; message: string; at: Date }[];
  readByMerchant: boolean;
  completed: boolean;
  updatedAt: Date;
};

/** What one fetch of the inquiries covers: pages of threads new or changed since the cursor. */
export type InquiryChanges = {
  window: { from: Date; to: Date };
  found: number;
  pages: AsyncIterable<MallInquiry[]>;
  /** Where the next fetch starts once every page is saved: the caller stores it only then. */
  cursor: string;
};

/** The channel's buyer messages: read by polling, answered, flagged read / completed. */
export type InquiryInbox = {
  /** Threads new or changed since `cursor` (null: the shop's first poll), over overlapping windows. */
  fetchChanges(cursor: string | null, at: { now: Date; pollMinutes: number }): Promise<InquiryChanges>;
  /** One thread as the channel has it now (its replies included); null when unknown. */
  getInquiry(inquiryNumber: string): Promise<MallInquiry | null>;
  /** A shop message on the thread. Not idempotent at the channel: callers check the thread first. */
  reply(input: { inquiryNumber: string; message: string }): Promise<void>;
  markRead(inquiryNumbers: readonly string[]): Promise<void>;
  /** 対応完了 (true) or back to 未完了 (false). */
  setCompleted(inquiryNumbers: readonly string[], completed: boolean): Promise<void>;
};

export type ChannelClients = {
  source?: OrderSource;
  sink?: OrderSink;
  stock?: StockSink;
  inquiries?: InquiryInbox;
};

/** One field of the merchant's credentials form (ショップ設定 → 接続設定). */
export type CredentialField = {
  key: string;
  /** Japanese, as the form shows it. */
  label: string;
  /**
   * secret: required, sealed, never shown again; expiresAt: an optional date the credentials stop
   * working, overriding expiresDays.
   */
  type: "secret" | "expiresAt";
  /** The value stops working this many days after it is issued: the merchant is warned ahead. */
  expiresDays?: number;
  /** Where the merchant finds the value, shown under the field. */
  hint?: string;
};

export type ChannelCapabilities = {
  /** How orders arrive: polled from the channel, uploaded as files, or entered in Juchu. */
  source: "poll" | "upload" | "internal";
  /** 注文確認: whether the channel expects it, and whether only once the bill is fixed. */
  confirm: { required: boolean; needsFixedTotal: boolean } | null;
  reportShipping: boolean;
  cancel: boolean;
  stock: boolean;
  /** Open imported orders are read again this many days after ordering (the channel's reach). */
  recheckDays: number;
  /** Buyer messages are read and answered (R-Messe); a cancel request among them stops the order. */
  inquiries?: boolean;
  /** 受注修正 (ship-to, lines, amounts …) can be sent to the channel; without it the merchant is told the mall is not. */
  updateOrder?: boolean;
};

export type ChannelDefinition = {
  code: string;
  /** The channel's name as the merchant knows it (楽天市場, 手動登録 …). */
  label: string;
  kind: "mall" | "cart" | "file" | "internal";
  credentials: readonly CredentialField[];
  capabilities: ChannelCapabilities;
  /** キャンセル理由 the channel records, the customer's reasons first; the first is the default. */
  cancelReasons: readonly { code: string; label: string }[];
  defaults: {
    /** キャンセル猶予: minutes a buyer may still cancel at the channel after ordering. */
    gracePeriodMinutes: number;
  };
  /** What the merchant is told when an expiring credential runs out or is about to. */
  credentialExpiry?: { expired: string; expiring: (daysLeft: number) => string };
  /** Support commands of `npm run juchu -- <code> <name> <args…>` (no database); exit code back. */
  commands?: Readonly<Record<string, ChannelCommand>>;
  /** Order files the merchant uploads (capabilities.source "upload"): their layouts and reader. */
  upload?: OrderFileUpload;
  /** The channel's item export (商品CSV) read into products and mappings (商品CSV取込). */
  productFile?: ProductFileReader;
  /** The masters its codes go through, which each shop may edit (マスタ管理). */
  masters?: readonly MasterKind[];
  /**
   * The clients for one shop's opened credentials and its masters (the defaults when not given); a
   * channel without a remote side has none.
   */
  createClients?: (
    config: ChannelConfig,
    credentials: Record<string, string>,
    masters?: ShopMasters,
  ) => ChannelClients;
};

export type ChannelCommand = {
  /** Arguments and what it does, in Japanese, for the CLI's usage text. */
  usage: string;
  run(args: readonly string[], io: { out(text: string): void; err(text: string): void }): Promise<number>;
};

/** Per-deployment settings of a channel's clients: where its API answers, and per-call limits. */
export type ChannelConfig = {
  /** The API's base URL from JUCHU_<CODE>_API_URL (a sandbox in tests), else the definition's own. */
  apiUrl?: string | undefined;
  timeoutMs?: number | undefined;
  stockPushIntervalMs?: number | undefined;
};

/** Every registered channel, as the composition root hands it to use cases and routes. */
export type ChannelRegistry = {
  readonly list: readonly ChannelDefinition[];
  get(code: string): ChannelDefinition | undefined;
  /** The channel whose `upload` reads the order files merchants upload (CSV取込), when one is registered. */
  readonly fileUpload: { code: string; upload: OrderFileUpload } | undefined;
};

/** What a shop's opened credentials give: the parts of its channel's clients it has. */
export type ChannelClientFactory = (shop: {
  channel: string;
  credentials: Record<string, string>;
  masters?: ShopMasters | undefined;
}) => ChannelClients;
