/**
 * What a channel that takes order files offers (ChannelDefinition.upload): the layouts it reads files
 * through, and a reader from the stored bytes to order inputs, with every bad line's reason. Generic
 * upload code (app/csv-orders, http) stores the bytes, settles and registers the orders, and keeps
 * the report; only the channel knows the format.
 */

import type { ShipTo } from "#server/domain/address.ts";
import type { PaymentMethod } from "#server/domain/payment.ts";

/**
 * A column-mapping layout (取込設定): which columns feed each field. With a header row the columns
 * are header names (several are joined with a space: 姓 + 名); without one, 1-based column numbers.
 * `encoding` and `dateFormat` are among the upload's own `encodings` and `dateFormats`.
 */
export type FileLayout = {
  id: string;
  name: string;
  builtIn: boolean;
  encoding: string;
  headerRow: boolean;
  dateFormat: string;
  columns: Partial<Record<string, string[]>>;
};

/** One order as the file has it, ready for registration. */
export type FileOrder = {
  orderedAt?: Date | undefined;
  buyer: { name: string; email: string; phone?: string | undefined };
  shipTo: ShipTo;
  paymentMethod: PaymentMethod;
  paid: boolean;
  shippingFee: number;
  remarks?: string | undefined;
  items: {
    mallItemCode: string;
    mallSkuCode?: string | undefined;
    name: string;
    unitPrice: number;
    quantity: number;
  }[];
};

/** A bad value of one line: the field (one of the upload's `fields`), the rule that refused it, what the merchant reads. */
export type LineProblem = { field: string; rule: string; message: string };

/** An order read from the file with the lines it came from, or the lines that stop it, each with why. */
export type FileOrderResult =
  | { ok: true; orderNumber: string; lines: number[]; order: FileOrder }
  | {
      ok: false;
      orderNumber: string;
      lines: { line: number; problem: LineProblem | null; message: string }[];
    };

/** Orders read, ended at an order's last line; `lastLine` is where a resumed run goes on after. */
export type FileOrderBatch = { orders: FileOrderResult[]; rows: number; lastLine: number };

/** What the reader learnt so far: the encoding it decided on, and the bytes taken (the progress bar). */
export type FileReadProgress = { encoding?: string; bytes: number };

export type OrderFileUpload = {
  /** What a line can say, in the merchant's words; a layout maps columns to these. */
  fields: readonly { field: string; label: string; required: boolean }[];
  encodings: readonly [string, ...string[]];
  dateFormats: readonly [string, ...string[]];
  /** The channel's own layouts (a cart's export, Juchu's template), offered before the merchant's. */
  builtInLayouts: readonly FileLayout[];
  /** A file to fill in, downloadable from the upload screen. */
  template: { fileName: string; content(): string };
  /** Why a merchant's layout cannot read files, field by field (empty: it can). */
  layoutProblems(layout: Omit<FileLayout, "id" | "builtIn">): { path: string[]; message: string }[];
  /**
   * The file's orders as its bytes stream in, in batches of about `batchSize`; lines up to `after`
   * were done by an earlier try. A file the layout cannot read at all throws a Refusal.
   */
  readOrders(
    chunks: AsyncIterable<Uint8Array>,
    layout: FileLayout,
    options: { batchSize: number; after: number },
    progress: FileReadProgress,
  ): AsyncIterable<FileOrderBatch>;
};
