import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type CallEntry, logCall, summariseBody } from "./call-log.ts";
import { orderRoutes } from "./control-orders.ts";
import { handleControl } from "./control-router.ts";
import { sandboxRoutes } from "./control-sandbox.ts";
import { shopRoutes } from "./control-shops.ts";
import { type Fault, TRUNCATED_JSON, takeFault } from "./faults.ts";
import { controlError, gateway, type Reply } from "./http-reply.ts";
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

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const controlRoutes = [...shopRoutes, ...orderRoutes, ...sandboxRoutes];

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
  let payload: string | undefined;
  if (reply.raw !== undefined) payload = reply.raw;
  else if (reply.body !== undefined) payload = JSON.stringify(reply.body);
  if (payload !== undefined) headers["Content-Type"] = "application/json;charset=utf-8";
  res.writeHead(reply.status, headers);
  res.end(payload);
}

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
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function serveRms(req: IncomingMessage, res: ServerResponse, path: string, bodyText: string) {
    const request: RmsRequest = {
      method: req.method ?? "GET",
      path,
      authorization: req.headers.authorization,
      contentType: req.headers["content-type"],
      bodyText,
    };
    const entry: CallEntry = logCall(state.calls, {
      method: request.method,
      path,
      at: state.now().toISOString(),
      shopId: null,
      summary: summariseBody(bodyText),
      status: null,
      fault: null,
    });
    const fault = takeFault(state.faults, path);
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

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const bodyText = await readBody(req);
    if (bodyText === undefined) return send(res, controlError(413, "too_large", "the body is over 20 MB"));
    if (url.pathname === "/_sandbox" || url.pathname.startsWith("/_sandbox/")) {
      const method = req.method ?? "GET";
      return send(
        res,
        handleControl(controlRoutes, state, options, {
          method,
          path: url.pathname,
          query: url.searchParams,
          bodyText,
        }),
      );
    }
    return serveRms(req, res, url.pathname, bodyText);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      console.error("rakuten sandbox: unexpected failure", error);
      send(res, gateway.internalError());
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
      for (const res of held) res.destroy();
      held.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
