/**
 * What a channel offers for its own item export (ChannelDefinition.productFile): a reader from the
 * stored bytes to product lines, each with the keys an order line of that channel carries. Generic
 * import code (app/catalog/product-import*) stores the bytes, decides products and mappings and keeps
 * the report; only the channel knows the format.
 */

import type { FileReadProgress, LineProblem } from "./order-upload.ts";

/** One sellable unit of the file: the product it is, and the keys orders name it by. */
export type ProductFileLine = {
  line: number;
  /** The merchant's code for the product (products.sku) when this channel's rows make the master. */
  sku: string;
  name: string;
  /** product_mappings.mall_item_code / mall_sku_code, as the channel's order lines carry them. */
  mallItemCode: string;
  mallSkuCode: string;
};

export type ProductFileResult =
  | ({ ok: true } & ProductFileLine)
  | {
      ok: false;
      line: number;
      sku: string | null;
      mallItemCode: string | null;
      mallSkuCode: string | null;
      problem: LineProblem;
    };

/** Lines read, ended at an item's last line; `lastLine` is where a resumed run goes on after. */
export type ProductFileBatch = { results: ProductFileResult[]; rows: number; lastLine: number };

export type ProductFileReader = {
  /** The file the merchant downloads from the channel, as its screen names it. */
  label: string;
  /** What a line can say, in the merchant's words (the report's 項目). */
  fields: readonly { field: string; label: string }[];
  /**
   * The file's product lines as its bytes stream in, in batches of about `batchSize`; lines up to
   * `after` were done by an earlier try. A file that is not this export at all throws a Refusal.
   */
  readProducts(
    chunks: AsyncIterable<Uint8Array>,
    options: { batchSize: number; after: number },
    progress: FileReadProgress,
  ): AsyncIterable<ProductFileBatch>;
};
