import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestApp } from "./app.ts";

/** One POST as the receiver saw it, with what its own check of the signature found. */
export type Received = {
  id: string;
  timestamp: number;
  signatures: string[];
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever the payload holds.
  payload: any;
  /** The known secrets that one of the signatures verifies with. */
  verifiedWith: string[];
  /** The timestamp is within five minutes of the receiver's clock. */
  fresh: boolean;
};

/**
 * Standard Webhooks verification written from the spec, not from Juchu's signer: WebCrypto HMAC-SHA256
 * keyed with the base64 bytes after `whsec_`, over `id.timestamp.body`, compared with each `v1,`
 * signature of the space-separated header.
 */
async function verifies(secret: string, id: string, timestamp: string, body: string, signature: string) {
  const [version, value] = signature.split(",", 2);
  if (version !== "v1" || !value) return false;
  const key = await crypto.subtle.importKey(
    "raw",
    Buffer.from(secret.replace(/^whsec_/, ""), "base64"),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  return crypto.subtle.verify(
    "HMAC",
    key,
    Buffer.from(value, "base64"),
    new TextEncoder().encode(`${id}.${timestamp}.${body}`),
  );
}

type Answer = number | "hold";

/**
 * A receiver over real HTTP on loopback. It answers `answer` (200 by default; "hold" sends 200's
 * headers and never finishes the body), can go down (its port closed) and come back on the same port.
 */
export async function startWebhookReceiver(options: { now: () => Date; secrets: () => readonly string[] }) {
  const received: Received[] = [];
  let answer: Answer = 200;
  const waiters: (() => void)[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const id = String(req.headers["webhook-id"] ?? "");
    const timestamp = String(req.headers["webhook-timestamp"] ?? "");
    const signatures = String(req.headers["webhook-signature"] ?? "")
      .split(" ")
      .filter(Boolean);
    const verifiedWith: string[] = [];
    for (const secret of options.secrets()) {
      for (const s of signatures) {
        if (await verifies(secret, id, timestamp, body, s)) {
          verifiedWith.push(secret);
          break;
        }
      }
    }
    const fresh = Math.abs(options.now().getTime() / 1000 - Number(timestamp)) <= 300;
    received.push({
      id,
      timestamp: Number(timestamp),
      signatures,
      body,
      payload: JSON.parse(body),
      verifiedWith,
      fresh,
    });
    for (const w of waiters.splice(0)) w();
    if (answer === "hold") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("受け取り");
      return;
    }
    res.writeHead(answer, { "content-type": "text/plain" });
    res.end(answer < 300 ? "ok" : "受信側のエラー");
  };
  const server = createServer((req, res) => void handle(req, res));
  const listen = (port: number) =>
    new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answer(next: Answer) {
      answer = next;
    },
    /** Resolves once a request arrives (at once when `count` have already come). */
    async until(count: number) {
      while (received.length < count) await new Promise<void>((r) => waiters.push(r));
    },
    /** The port closed: a sender's connection is refused. */
    async down() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
    up: () => listen(port),
    async close() {
      server.closeAllConnections();
      if (server.listening) await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** What the workers do: the outbox's new events become deliveries, the due tries are sent. Answers the tries run. */
export async function runWebhookJobs(t: TestApp): Promise<number> {
  await t.runDueJobs("webhook-dispatch");
  return t.runDueJobs("webhook-delivery");
}
