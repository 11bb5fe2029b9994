import type { IncomingMessage, ServerResponse } from "node:http";
import { logCall } from "../kit/call-log.ts";
import { takeFault } from "../kit/faults.ts";
import { sendReply } from "../kit/reply.ts";
import { createSandboxServer, delays, listen, shutDown } from "../kit/serve.ts";
import { handleApi } from "./api-router.ts";
import type { CallEntry } from "./call-log.ts";
import { merchantRoutes } from "./control-merchants.ts";
import { requestRoutes } from "./control-requests.ts";
import { handleControl } from "./control-router.ts";
import { sandboxRoutes } from "./control-sandbox.ts";
import { type Fault, faultLetsWorkHappen, faultReply } from "./faults.ts";
import { error, type Reply } from "./http-reply.ts";
import { jstDatetime } from "./jst.ts";
import { createRslState, type RslSandboxOptions, type RslState } from "./state.ts";

/**
 * A stand-in for 楽天スーパーロジスティクス (RSL)'s shipment API as a real HTTP server: RSL's endpoints
 * under /api/v1/, the control API under /_sandbox/. One process, state in memory, 127.0.0.1 and a
 * free port unless told otherwise.
 */

export type { RslSandboxOptions } from "./state.ts";

export type RslSandbox = { url: string; state: RslState; close(): Promise<void> };

const controlRoutes = [...merchantRoutes, ...requestRoutes, ...sandboxRoutes];

const send = (res: ServerResponse, reply: Reply) => sendReply(res, reply, "application/json; charset=utf-8");

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export async function startRslSandbox(options: RslSandboxOptions = {}): Promise<RslSandbox> {
  const state = createRslState(options);
  const { wait, clear: clearWaits } = delays();

  async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL, bodyText: string) {
    const method = req.method ?? "GET";
    const idempotencyKey = header(req, "idempotency-key");
    const entry = logCall<CallEntry>(state.calls, {
      method,
      path: url.pathname,
      at: jstDatetime(state.now()),
      merchantId: null,
      idempotencyKey: idempotencyKey ?? null,
      status: null,
      fault: null,
    });
    const fault = takeFault<Fault>(state.faults, method, url.pathname);
    entry.fault = fault?.id ?? null;
    if (fault && fault.delayMs > 0) await wait(fault.delayMs);
    if (faultLetsWorkHappen(fault)) {
      const done = handleApi(state, {
        method,
        path: url.pathname,
        query: url.searchParams,
        authorization: header(req, "authorization"),
        idempotencyKey,
        bodyText,
      });
      entry.merchantId = done.merchantId;
      if (!fault || (fault.status === null && !fault.dropConnection)) {
        entry.status = done.reply.status;
        return send(res, done.reply);
      }
    }
    if (fault?.dropConnection) return void res.destroy();
    const reply = faultReply(fault?.status ?? 500);
    entry.status = reply.status;
    send(res, reply);
  }

  const server = createSandboxServer({
    name: "rsl sandbox",
    send,
    tooLarge: () => error(413, "E0413", "リクエストが大きすぎます"),
    control: (request) => handleControl(controlRoutes, state, options, request),
    api: serveApi,
    failed: () => faultReply(500),
  });
  const url = await listen(server, options);
  return {
    url,
    state,
    async close() {
      clearWaits();
      await shutDown(server);
    },
  };
}
