import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ControlRequest, isControlPath } from "./control-router.ts";
import { readBody } from "./read-body.ts";

/**
 * What a sandbox's HTTP server does with a request, the same for each: the body read (too large is
 * refused), /_sandbox/… to the control API, the rest to the imitated service's API, and a throw
 * logged and answered. Every answer in it is the sandbox's own.
 */
export type SandboxHandlers<Reply> = {
  /** Names the sandbox in the log line of an unexpected failure. */
  name: string;
  send(res: ServerResponse, reply: Reply): void;
  /** The answer to a body over MAX_BODY_BYTES. */
  tooLarge(): Reply;
  control(request: ControlRequest): Reply;
  api(req: IncomingMessage, res: ServerResponse, url: URL, bodyText: string): Promise<void>;
  /** The answer when serving a request threw. */
  failed(): Reply;
};

export function createSandboxServer<Reply>(sandbox: SandboxHandlers<Reply>): Server {
  async function serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const bodyText = await readBody(req);
    if (bodyText === undefined) return sandbox.send(res, sandbox.tooLarge());
    if (isControlPath(url.pathname)) {
      const request = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, bodyText };
      return sandbox.send(res, sandbox.control(request));
    }
    return sandbox.api(req, res, url, bodyText);
  }
  return createServer((req, res) => {
    serve(req, res).catch((failure: unknown) => {
      console.error(`${sandbox.name}: unexpected failure`, failure);
      sandbox.send(res, sandbox.failed());
    });
  });
}

/** Waits that close() can cut short: a fault's delay must not keep a closed sandbox's process alive. */
export function delays(): { wait(ms: number): Promise<void>; clear(): void } {
  const timers = new Set<NodeJS.Timeout>();
  return {
    wait: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      }),
    clear() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** Listens on host:port (127.0.0.1 and a free port unless told otherwise) and answers the base URL. */
export async function listen(server: Server, options: { port?: number; host?: string }): Promise<string> {
  // Longer than any client's idle keep-alive (undici: 4 s), so the client always closes an idle socket
  // first: a busy test or benchmark never reuses one the sandbox is closing at that moment.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** Drops every connection and stops listening. */
export async function shutDown(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
