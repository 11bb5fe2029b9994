import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleApi } from "./api-router.ts";
import { logCall } from "./call-log.ts";
import { merchantRoutes } from "./control-merchants.ts";
import { requestRoutes } from "./control-requests.ts";
import { handleControl } from "./control-router.ts";
import { sandboxRoutes } from "./control-sandbox.ts";
import { faultLetsWorkHappen, faultReply, takeFault } from "./faults.ts";
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

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const controlRoutes = [...merchantRoutes, ...requestRoutes, ...sandboxRoutes];

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  const payload = reply.body === undefined ? undefined : JSON.stringify(reply.body);
  if (payload !== undefined) headers["Content-Type"] = "application/json; charset=utf-8";
  res.writeHead(reply.status, headers);
  res.end(payload);
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export async function startRslSandbox(options: RslSandboxOptions = {}): Promise<RslSandbox> {
  const state = createRslState(options);
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL, bodyText: string) {
    const method = req.method ?? "GET";
    const idempotencyKey = header(req, "idempotency-key");
    const entry = logCall(state.calls, {
      method,
      path: url.pathname,
      at: jstDatetime(state.now()),
      merchantId: null,
      idempotencyKey: idempotencyKey ?? null,
      status: null,
      fault: null,
    });
    const fault = takeFault(state.faults, method, url.pathname);
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

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const bodyText = await readBody(req);
    if (bodyText === undefined) return send(res, error(413, "E0413", "リクエストが大きすぎます"));
    if (url.pathname === "/_sandbox" || url.pathname.startsWith("/_sandbox/")) {
      const request = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, bodyText };
      return send(res, handleControl(controlRoutes, state, options, request));
    }
    return serveApi(req, res, url, bodyText);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((failure: unknown) => {
      console.error("rsl sandbox: unexpected failure", failure);
      send(res, faultReply(500));
    });
  });
  // Longer than any client's idle keep-alive (undici: 4 s), so the client always closes an idle socket
  // first: a busy test or benchmark never reuses one the sandbox is closing at that moment.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    state,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
