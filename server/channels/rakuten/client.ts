import type { ShopMasters } from "#server/domain/mall-masters.ts";
import type { OrderSink, StockSink } from "#server/ports/channel.ts";
import {
  MallError,
  type MallOrder,
  type MallShippingReport,
  type MallStockUpdate,
} from "#server/ports/mall.ts";
import { toRmsDatetime } from "./datetime.ts";
import { rmsDeliveryCompany } from "./delivery-companies.ts";
import { parseGetOrderResponse } from "./get-order-response.ts";
import { rakutenTable } from "./masters.ts";
import { type RakutenCredentials, type RmsAnswer, rmsHttp } from "./rms-http.ts";

export type { RakutenCredentials } from "./rms-http.ts";

/** A window of order dates to search (both ends inclusive, whole seconds at RMS). */
export type MallSearchWindow = { from: Date; to: Date };

/** The RMS calls Juchu makes: the search and read its order source pages over, the sink and the stock. */
export type RakutenClient = OrderSink &
  StockSink & {
    /** Every order number ordered inside the window (all pages), each once. */
    searchOrderNumbers(window: MallSearchWindow): Promise<string[]>;
    /** The orders behind these numbers (any count, 100 a call). Unknown numbers are left out. */
    getOrders(mallOrderNumbers: readonly string[]): Promise<MallOrder[]>;
  };

export type RakutenClientOptions = {
  /** https://api.rms.rakuten.co.jp, or a sandbox. */
  baseUrl: string;
  credentials: RakutenCredentials;
  timeoutMs?: number;
  /** The newest getOrder version; the mapping reads older shapes too. */
  getOrderVersion?: number;
  /** Inventory bulk-upsert allows one request a second per shop. */
  stockPushIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Where WARNING messages are logged (they fail nothing); console.warn by default. */
  warn?: (line: string) => void;
  /** The shop's masters (楽天配送設定, 決済方法) orders are read and reports said with; the defaults otherwise. */
  masters?: ShopMasters;
};

const SEARCH_PAGE_SIZE = 1000;
/** searchOrder shows only the first 15,000 hits of a search (totalRecordsAmount still counts all). */
const SEARCH_REACHABLE = 15_000;
const ORDERS_PER_CALL = 100;
const STOCK_ITEMS_PER_CALL = 400;
/** A 429 at bulk-upsert (another process pushed for the shop) is waited out this many times. */
const RATE_LIMIT_TRIES = 3;
/** What the Inventory API takes as manageNumber and variantId. */
const INVENTORY_CODE = /^[a-zA-Z0-9_-]{1,32}$/;

type MessageModel = { messageType?: string; messageCode?: string; message?: string; orderNumber?: string };
type InventoryError = { code: string; message: string; metadata?: { propertyPath?: string } };

export const rateLimited = (name: string) =>
  new MallError("rakuten.rate_limited", `楽天RMSの呼び出し回数の制限を超えました (HTTP 429, ${name})`, {
    retryable: true,
  });

export const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** RMS 楽天ペイ受注API and Inventory API 2.0 over HTTP: every call a POST of JSON with the ESA header. */
export function createRakutenClient(options: RakutenClientOptions): RakutenClient {
  const call = rmsHttp(options.baseUrl, options.credentials, options.timeoutMs ?? 30_000);
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const stockPushInterval = options.stockPushIntervalMs ?? 1000;
  const warn = options.warn ?? ((line: string) => console.warn(line));
  let lastStockPush = 0;

  /** Any ERROR message fails the call, even on HTTP 200, as RMS documents. */
  async function order(
    name: string,
    body: unknown,
    harmless: readonly string[] = [],
  ): Promise<{ json: Record<string, unknown>; messages: MessageModel[] }> {
    const { status, json } = await call(`/es/2.0/order/${name}/`, body);
    if (status === 429) throw rateLimited(name);
    const record = (json ?? {}) as Record<string, unknown>;
    const messages = (
      Array.isArray(record.MessageModelList) ? record.MessageModelList : []
    ) as MessageModel[];
    const errors = messages.filter(
      (m) => m.messageType === "ERROR" && !harmless.includes(m.messageCode ?? ""),
    );
    if (errors.length > 0 || status >= 400) {
      const said = errors.map((m) => `${m.messageCode}: ${m.message}`).join(" / ") || `HTTP ${status}`;
      throw new MallError(
        errors[0]?.messageCode ?? `rakuten.http_${status}`,
        `楽天RMSが ${name} を受け付けませんでした: ${said}`,
        {
          retryable: false,
        },
      );
    }
    return { json: record, messages };
  }

  /** Every page of one search; a window with more hits than RMS shows is searched in halves. */
  async function searchWindow(from: Date, to: Date): Promise<string[]> {
    const numbers: string[] = [];
    for (let page = 1; ; page++) {
      const { json } = await order("searchOrder", {
        dateType: 1,
        startDatetime: toRmsDatetime(from),
        endDatetime: toRmsDatetime(to),
        PaginationRequestModel: {
          requestRecordsAmount: SEARCH_PAGE_SIZE,
          requestPage: page,
          SortModelList: [{ sortColumn: 1, sortDirection: 1 }],
        },
      });
      const pagination = json.PaginationResponseModel as {
        totalRecordsAmount?: number | null;
        totalPages?: number | null;
      } | null;
      const seconds = Math.floor(to.getTime() / 1000) - Math.floor(from.getTime() / 1000);
      if (page === 1 && (pagination?.totalRecordsAmount ?? 0) > SEARCH_REACHABLE && seconds > 0) {
        // The window ends are whole seconds (inclusive), so the halves meet without a gap or overlap.
        const middle = new Date((Math.floor(from.getTime() / 1000) + Math.floor(seconds / 2)) * 1000);
        const rest = new Date(middle.getTime() + 1000);
        return [...(await searchWindow(from, middle)), ...(await searchWindow(rest, to))];
      }
      numbers.push(...((json.orderNumberList as string[] | null) ?? []));
      if (!pagination?.totalPages || page >= pagination.totalPages) return numbers;
    }
  }

  /** One bulk-upsert, at least the interval after the last one ended, waiting out a 429. */
  async function upsertStock(updates: readonly MallStockUpdate[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const wait = lastStockPush + stockPushInterval - Date.now();
      if (wait > 0) await sleep(wait);
      let answer: RmsAnswer;
      try {
        answer = await call("/es/2.0/inventories/bulk-upsert", {
          inventories: updates.map((u) => ({
            manageNumber: u.mallItemCode,
            variantId: u.mallVariantId,
            mode: "ABSOLUTE",
            quantity: Math.min(99_999, Math.max(0, u.quantity)),
          })),
        });
      } finally {
        // Counted from the answer, not the sending: the mall counts arrivals, and a request that
        // travels faster than the last one would otherwise land inside the same second.
        lastStockPush = Date.now();
      }
      const { status, json, retryAfterMs } = answer;
      if (status === 204) return;
      if (status === 429) {
        if (attempt < RATE_LIMIT_TRIES) {
          await sleep(Math.max(retryAfterMs ?? 0, stockPushInterval));
          continue;
        }
        throw rateLimited("inventories/bulk-upsert");
      }
      const errors = (json as { errors?: InventoryError[] } | null)?.errors ?? [];
      const said = errors.map((e) => `${e.code} ${e.metadata?.propertyPath ?? ""}: ${e.message}`).join(" / ");
      throw new MallError(
        errors[0]?.code ?? `rakuten.http_${status}`,
        `楽天の在庫更新が受け付けられませんでした: ${said || `HTTP ${status}`}`,
        { retryable: false },
      );
    }
  }

  return {
    async searchOrderNumbers(window: MallSearchWindow): Promise<string[]> {
      // Pages asked one after another can overlap when orders arrive meanwhile: each number once.
      return [...new Set(await searchWindow(window.from, window.to))];
    },

    async getOrders(mallOrderNumbers: readonly string[]): Promise<MallOrder[]> {
      const orders: MallOrder[] = [];
      for (const chunk of chunks(mallOrderNumbers, ORDERS_PER_CALL)) {
        const { json } = await order("getOrder", {
          orderNumberList: chunk,
          version: options.getOrderVersion ?? 10,
        });
        const parsed = parseGetOrderResponse(json, options.masters);
        for (const w of parsed.warnings) {
          warn(
            `楽天RMS getOrder WARNING ${w.code}${w.orderNumber ? ` (${w.orderNumber})` : ""}: ${w.message}`,
          );
        }
        orders.push(...parsed.orders);
      }
      return orders;
    },

    async confirmOrders(mallOrderNumbers: readonly string[]): Promise<void> {
      for (const chunk of chunks(mallOrderNumbers, ORDERS_PER_CALL)) {
        // Confirmed already (by RMS's 自動注文確認, or a call whose answer was lost): what was asked is done.
        await order("confirmOrder", { orderNumberList: chunk }, ["ORDER_EXT_API_CONFIRM_ORDER_ERROR_103"]);
      }
    },

    async cancelOrder(input: { mallOrderNumber: string; reasonCode: string }): Promise<void> {
      await order("cancelOrder", {
        orderNumber: input.mallOrderNumber,
        inventoryRestoreType: 0,
        changeReasonDetailApply: Number(input.reasonCode),
      });
    },

    async reportShipping(report: MallShippingReport): Promise<{ mallShippingId: string }> {
      const { messages } = await order("updateOrderShipping", {
        orderNumber: report.mallOrderNumber,
        BasketidModelList: [
          {
            basketId: Number(report.mallPackageId),
            ShippingModelList: [
              {
                ...(report.mallShippingId ? { shippingDetailId: Number(report.mallShippingId) } : {}),
                deliveryCompany: rmsDeliveryCompany(
                  report.carrier,
                  { fromRakutenWarehouse: report.warehouseKind === "rsl", service: report.shippingService },
                  rakutenTable(options.masters, "delivery_company"),
                ),
                shippingNumber: report.trackingNumber,
                shippingDate: report.shippedOn,
              },
            ],
          },
        ],
      });
      const id = (messages as (MessageModel & { shippingDetailId?: number | null })[]).find(
        (m) => m.shippingDetailId != null,
      )?.shippingDetailId;
      return { mallShippingId: String(id ?? report.mallShippingId ?? "") };
    },

    async pushStock(updates: readonly MallStockUpdate[]): Promise<void> {
      // One code RMS cannot take (a variation text as the fallback SKU code) would make it refuse the
      // whole call, and with it every other item: such an item is left out, and said so.
      const sendable = updates.filter(
        (u) => INVENTORY_CODE.test(u.mallItemCode) && INVENTORY_CODE.test(u.mallVariantId),
      );
      for (const u of updates.filter((x) => !sendable.includes(x))) {
        warn(
          `楽天在庫連動: ${u.mallItemCode} / ${u.mallVariantId} はRMSのSKU番号ではないため送りません(その商品の注文を取り込むと送れます)`,
        );
      }
      for (const chunk of chunks(sendable, STOCK_ITEMS_PER_CALL)) await upsertStock(chunk);
    },
  };
}
