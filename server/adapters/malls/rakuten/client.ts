import {
  type MallClient,
  MallError,
  type MallOrder,
  type MallSearchWindow,
  type MallShippingReport,
  type MallStockUpdate,
} from "#server/ports/mall.ts";
import { parseGetOrderResponse } from "./mapping.ts";

export type RakutenCredentials = { serviceSecret: string; licenseKey: string };

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
};

const SEARCH_PAGE_SIZE = 1000;
const ORDERS_PER_CALL = 100;
const STOCK_ITEMS_PER_CALL = 400;

type MessageModel = { messageType?: string; messageCode?: string; message?: string; orderNumber?: string };

/** RMS wants request datetimes as its samples write them: Tokyo time, offset without a colon. */
export function toRmsDatetime(date: Date): string {
  return `${new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 19)}+0900`;
}

const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** RMS 楽天ペイ受注API and Inventory API 2.0 over HTTP: every call a POST of JSON with the ESA header. */
export function createRakutenClient(options: RakutenClientOptions): MallClient {
  const auth = `ESA ${Buffer.from(`${options.credentials.serviceSecret}:${options.credentials.licenseKey}`).toString("base64")}`;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  let lastStockPush = 0;

  async function call(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
    let res: Response;
    try {
      res = await fetch(options.baseUrl + path, {
        method: "POST",
        headers: { authorization: auth, "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      const timedOut = cause instanceof Error && cause.name === "TimeoutError";
      throw new MallError(
        timedOut ? "rakuten.timeout" : "rakuten.unreachable",
        timedOut
          ? `楽天RMSが${timeoutMs / 1000}秒以内に応答しませんでした (${path})`
          : `楽天RMSに接続できません (${path})`,
        { retryable: true, cause },
      );
    }
    const text = await res.text().catch((cause) => {
      throw new MallError("rakuten.unreachable", `楽天RMSの応答が途中で切れました (${path})`, {
        retryable: true,
        cause,
      });
    });
    if (res.status === 401 || res.status === 403) {
      throw new MallError(
        "rakuten.auth_failed",
        `楽天RMSの認証に失敗しました (HTTP ${res.status})。serviceSecret と licenseKey、ライセンスキーの有効期限を確認してください。`,
        { retryable: false },
      );
    }
    if (res.status === 429 || res.status >= 500) {
      throw new MallError(
        "rakuten.unavailable",
        `楽天RMSが一時的に応答できません (HTTP ${res.status}, ${path})`,
        {
          retryable: true,
        },
      );
    }
    if (res.status === 204 || text === "") return { status: res.status, json: null };
    try {
      return { status: res.status, json: JSON.parse(text) };
    } catch (cause) {
      throw new MallError("rakuten.malformed_response", `楽天RMSの応答がJSONとして読めません (${path})`, {
        retryable: true,
        cause,
      });
    }
  }

  /** Any ERROR message fails the call, even on HTTP 200, as RMS documents. */
  async function order(
    name: string,
    body: unknown,
    harmless: readonly string[] = [],
  ): Promise<{ json: Record<string, unknown>; messages: MessageModel[] }> {
    const { status, json } = await call(`/es/2.0/order/${name}/`, body);
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

  return {
    async searchOrderNumbers(window: MallSearchWindow): Promise<string[]> {
      const numbers: string[] = [];
      for (let page = 1; ; page++) {
        const { json } = await order("searchOrder", {
          dateType: 1,
          startDatetime: toRmsDatetime(window.from),
          endDatetime: toRmsDatetime(window.to),
          PaginationRequestModel: {
            requestRecordsAmount: SEARCH_PAGE_SIZE,
            requestPage: page,
            SortModelList: [{ sortColumn: 1, sortDirection: 1 }],
          },
        });
        numbers.push(...((json.orderNumberList as string[] | null) ?? []));
        const pagination = json.PaginationResponseModel as { totalPages?: number | null } | null;
        if (!pagination?.totalPages || page >= pagination.totalPages) return numbers;
      }
    },

    async getOrders(mallOrderNumbers: readonly string[]): Promise<MallOrder[]> {
      const orders: MallOrder[] = [];
      for (const chunk of chunks(mallOrderNumbers, ORDERS_PER_CALL)) {
        const { json } = await order("getOrder", {
          orderNumberList: chunk,
          version: options.getOrderVersion ?? 10,
        });
        orders.push(...parseGetOrderResponse(json).orders);
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
                deliveryCompany: report.carrierCode,
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
      const interval = options.stockPushIntervalMs ?? 1000;
      for (const chunk of chunks(updates, STOCK_ITEMS_PER_CALL)) {
        const wait = lastStockPush + interval - Date.now();
        if (wait > 0) await sleep(wait);
        lastStockPush = Date.now();
        const { status, json } = await call("/es/2.0/inventories/bulk-upsert", {
          inventories: chunk.map((u) => ({
            manageNumber: u.mallItemCode,
            variantId: u.mallVariantId,
            mode: "ABSOLUTE",
            quantity: Math.min(99_999, Math.max(0, u.quantity)),
          })),
        });
        if (status !== 204) {
          const errors = ((
            json as { errors?: { code: string; message: string; metadata?: { propertyPath?: string } }[] }
          )?.errors ?? []) as { code: string; message: string; metadata?: { propertyPath?: string } }[];
          const said = errors
            .map((e) => `${e.code} ${e.metadata?.propertyPath ?? ""}: ${e.message}`)
            .join(" / ");
          throw new MallError(
            errors[0]?.code ?? `rakuten.http_${status}`,
            `楽天の在庫更新が受け付けられませんでした: ${said || `HTTP ${status}`}`,
            {
              retryable: false,
            },
          );
        }
      }
    },
  };
}
