import type { IncomingMessage, ServerResponse } from "node:http";
import { logCall, summariseBody } from "../kit/call-log.ts";
import { takeFault } from "../kit/faults.ts";
import { sendReply } from "../kit/reply.ts";
import { createSandboxServer, delays, listen, shutDown } from "../kit/serve.ts";
import type { CallEntry } from "./call-log.ts";
import { orderRoutes } from "./control-orders.ts";
import { handleControl } from "./control-router.ts";
import { sandboxRoutes } from "./control-sandbox.ts";
import { shopRoutes } from "./control-shops.ts";
import { type Fault, TRUNCATED_JSON } from "./faults.ts";
import { controlError, gateway, type Reply } from "./http-reply.ts";
import { inquiryRoutes } from "./inquiry-control.ts";
import { handleRms, type RmsRequest } from "./rms-gateway.ts";
import { createMallState, type MallState, type RakutenSandboxOptions } from "./state.ts";

/**
 * A stand-in for Rakuten RMS as a real HTTP server: the RMS endpoints under /es/, the control API
 * under /_sandbox/. One process, state in memory, 127.0.0.1 and a free port unless told otherwise.
 */

export type { RakutenSandboxOptions } from "./state.ts";

export type RakutenSandbox = {
  url: string;
  state: MallState;
  close(): Promise<void>;
};

const controlRoutes = [...shopRoutes, ...orderRoutes, ...inquiryRoutes, ...sandboxRoutes];

const send = (res: ServerResponse, reply: Reply) => sendReply(res, reply, "application/json;charset=utf-8");

/** What a fault turns the mall's answer into; undefined for `timeout`, which never answers. */
function faultReply(fault: Fault): Reply | undefined {
  if (fault.kind === "status500") return gateway.internalError();
  if (fault.kind === "status503") return gateway.unavailable();
  if (fault.kind === "malformed_json") return { status: 200, raw: TRUNCATED_JSON };
  return undefined;
}

export async function startRakutenSandbox(options: RakutenSandboxOptions = {}): Promise<RakutenSandbox> {
  const state = createMallState(options);
  const held = new Set<ServerResponse>();
  const { wait, clear: clearWaits } = delays();

  async function serveRms(req: IncomingMessage, res: ServerResponse, url: URL, bodyText: string) {
    const path = url.pathname;
    const request: RmsRequest = {
      method: req.method ?? "GET",
      path,
      query: url.searchParams,
      authorization: req.headers.authorization,
      contentType: req.headers["content-type"],
      bodyText,
    };
    const entry: CallEntry = logCall(state.calls, {
      method: request.method,
      path,
      at: state.now().toISOString(),
      shopId: null,
      // The inquiry API's reads carry their parameters in the query.
      summary: bodyText.trim() === "" ? url.search.slice(1) : summariseBody(bodyText),
      status: null,
      fault: null,
    });
    const fault = takeFault(state.faults, request.method, path);
    entry.fault = fault?.kind ?? null;
    if (fault?.kind === "slow") await wait(fault.delayMs);
    const processed = !fault || fault.kind === "slow" || fault.processed;
    const outcome = processed ? handleRms(state, request) : undefined;
    if (outcome) entry.shopId = outcome.shopId;
    if (fault?.kind === "timeout") {
      // Accepted, never answered: the socket stays open until the client gives up or close().
      held.add(res);
      res.on("close", () => held.delete(res));
      return;
    }
    const reply = (fault && faultReply(fault)) ?? outcome?.reply ?? gateway.internalError();
    entry.status = reply.status;
    send(res, reply);
  }

  const server = createSandboxServer({
    name: "rakuten sandbox",
    send,
    tooLarge: () => controlError(413, "too_large", "the body is over 20 MB"),
    control: (request) => handleControl(controlRoutes, state, options, request),
    api: (req, res, url, bodyText) => serveRms(req, res, url, bodyText),
    failed: () => gateway.internalError(),
  });
  const url = await listen(server, options);
  return {
    url,
    state,
    async close() {
      clearWaits();
      for (const res of held) res.destroy();
      held.clear();
      await shutDown(server);
    },
  };
}
