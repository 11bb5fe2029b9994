import type { ChannelDefinition, OrderSink, OrderSource, StockSink } from "../channel.ts";
import type { MallOrder } from "../mall.ts";

/**
 * What a contract suite needs from a channel's sandbox, beside the adapter under test: the buyer's
 * and the mall's side of things, over the sandbox's control API. One per channel, in
 * test/channels/<code>.ts; a fresh shop at the sandbox per set-up, so cases never share orders.
 */
export type ChannelDriver = {
  /** The channel's clock (its order dates). */
  now(): Promise<Date>;
  /** Orders placed by buyers, ordered at `orderedAt` (the channel's now by default); their numbers. */
  placeOrders(count: number, orderedAt?: Date): Promise<string[]>;
  /** The mall changes the order; the check tells whether an order read back shows that change. */
  changeOrder(mallOrderNumber: string): Promise<(order: MallOrder) => boolean>;
  cancelAtChannel(mallOrderNumber: string): Promise<void>;
  /** The next call to the channel fails as one that may pass by itself. */
  fault(kind: "unavailable" | "timeout"): Promise<void>;
  /** The same source, with credentials the channel refuses. */
  sourceWithBadCredentials(): OrderSource;
  /** The parcels the channel holds for one package, as it shows them. */
  shippingsAt(
    mallOrderNumber: string,
    mallPackageId: string,
  ): Promise<{ id: string; trackingNumber: string }[]>;
  /** The quantity the channel shows for one SKU, or null when it has none. */
  stockAt(mallItemCode: string, mallVariantId: string): Promise<number | null>;
};

/** What each set-up hands a suite: the adapter's parts, its sandbox's driver and its capabilities. */
export type ContractSetUp = () => Promise<{
  source?: OrderSource | undefined;
  sink?: OrderSink | undefined;
  stock?: StockSink | undefined;
  driver: ChannelDriver;
  definition: ChannelDefinition;
}>;
