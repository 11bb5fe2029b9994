import {
  type ShipmentRequestResult,
  type WarehouseClient,
  WarehouseError,
  type WarehouseResult,
  type WithdrawalResult,
} from "#server/ports/warehouse.ts";
import {
  acceptedAnswer,
  resultsPage,
  rslErrors,
  shipmentBody,
  warehouseResult,
  withdrawnAnswer,
} from "./mapping.ts";
import { malformed, type RslAnswer, rslHttp } from "./rsl-http.ts";

export type RslClientOptions = {
  /** RSL's API, or a sandbox. */
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
};

const RESULTS_PAGE_SIZE = 500;
/** One poll reads at most this many pages; the rest waits for the next poll, behind the saved cursor. */
const RESULTS_PAGES_PER_CALL = 20;

const REQUESTS = "/api/v1/shipment-requests";

/** What RSL said that is no answer about the request: a reused key, an unknown path, a bad request of ours. */
function unexpected(answer: RslAnswer, what: string): WarehouseError {
  const said = rslErrors(answer.json);
  if (answer.status === 409 && said?.code === "E1009") {
    return new WarehouseError(
      "rsl.idempotency_conflict",
      `RSLが${what}を受け付けませんでした: ${said.message}`,
      {
        retryable: false,
      },
    );
  }
  return new WarehouseError(
    said?.code ?? `rsl.http_${answer.status}`,
    `RSLが${what}を受け付けませんでした (HTTP ${answer.status})${said ? `: ${said.message}` : ""}`,
    { retryable: false },
  );
}

/** 楽天スーパーロジスティクス's shipment API: 出荷依頼, 出荷依頼取下げ and 出荷実績 over HTTP. */
export function createRslClient(options: RslClientOptions): WarehouseClient {
  const call = rslHttp(options.baseUrl, options.apiKey, options.timeoutMs ?? 15_000);

  async function requestShipment(request: Parameters<WarehouseClient["requestShipment"]>[0]) {
    const answer = await call("POST", REQUESTS, {
      body: shipmentBody(request),
      idempotencyKey: request.idempotencyKey,
    });
    if (answer.status === 200 || answer.status === 201) {
      const accepted = acceptedAnswer.safeParse(answer.json);
      if (!accepted.success) throw malformed(REQUESTS);
      return {
        outcome: "accepted",
        warehouseReference: accepted.data.requestId,
        plannedShipDate: accepted.data.plannedShipDate ?? null,
      } satisfies ShipmentRequestResult;
    }
    const said = rslErrors(answer.json);
    if ((answer.status === 400 || answer.status === 422) && said) {
      return { outcome: "rejected", ...said } satisfies ShipmentRequestResult;
    }
    throw unexpected(answer, "出荷依頼");
  }

  async function withdrawShipment(input: { idempotencyKey: string; warehouseReference: string }) {
    const path = `${REQUESTS}/${encodeURIComponent(input.warehouseReference)}/withdrawal`;
    const answer = await call("POST", path, { idempotencyKey: input.idempotencyKey });
    if (answer.status === 200) {
      if (!withdrawnAnswer.safeParse(answer.json).success) throw malformed(path);
      return { outcome: "withdrawn" } satisfies WithdrawalResult;
    }
    const said = rslErrors(answer.json);
    if (answer.status === 409 && said && said.code !== "E1009") {
      return { outcome: "refused", ...said } satisfies WithdrawalResult;
    }
    throw unexpected(answer, "出荷依頼取下げ");
  }

  async function fetchResults(cursor: string | null) {
    const results: WarehouseResult[] = [];
    let next = cursor;
    for (let page = 0; page < RESULTS_PAGES_PER_CALL; page++) {
      const query = new URLSearchParams({
        limit: String(RESULTS_PAGE_SIZE),
        ...(next ? { after: next } : {}),
      });
      const path = `/api/v1/shipment-results?${query}`;
      const answer = await call("GET", path);
      if (answer.status !== 200) throw unexpected(answer, "出荷実績の取得");
      const parsed = resultsPage.safeParse(answer.json);
      if (!parsed.success) throw malformed(path);
      results.push(...parsed.data.results.map(warehouseResult));
      next = parsed.data.nextCursor ?? next;
      if (!parsed.data.hasMore) break;
    }
    return { results, cursor: next };
  }

  return { requestShipment, withdrawShipment, fetchResults };
}
