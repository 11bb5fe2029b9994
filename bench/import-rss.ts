import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { request } from "node:http";
import { startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { bootServer, childDatabase, createAccountToken } from "#test/process.ts";
import { SPREAD_HOURS } from "./import.ts";
import { perSecond } from "./lib.ts";

export type ImportRss = {
  count: number;
  created: number;
  ms: number;
  perSecond: number;
  /** npm start's process: after start-up, and the highest seen while importing. */
  startMb: number;
  peakMb: number;
};

/**
 * PGlite's memory as a merchant's machine sees it: `npm start`'s own process (server/main.ts with
 * its Node flags, on a fresh data folder) importing `count` orders from the RMS sandbox over HTTP,
 * its RSS read from /proc every 200 ms. The bench process's RSS (section 3) also holds the sandbox.
 */
export async function benchImportRss(count: number): Promise<ImportRss> {
  const sandbox = await startRakutenSandbox();
  const database = await childDatabase();
  const server = { child: null as null | Awaited<ReturnType<typeof bootServer>>["child"] };
  try {
    const control = async (path: string, body: unknown) => {
      const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
        method: "POST",
        body: JSON.stringify(body),
      });
      if (res.status >= 400) throw new Error(`sandbox POST ${path} → ${res.status}: ${await res.text()}`);
      return (await res.json()) as Record<string, string>;
    };
    const mall = await control("/shops", {});
    const from = new Date(Date.now() - SPREAD_HOURS * 3_600_000);
    await control(`/shops/${mall.shopId}/orders/bulk`, {
      count,
      template: { orderedAt: from.toISOString() },
      intervalSeconds: (SPREAD_HOURS * 3600) / count,
    });

    const env = {
      ...database.env,
      JUCHU_SECRET_KEY: randomBytes(32).toString("base64"),
      JUCHU_RAKUTEN_API_URL: sandbox.url,
    };
    const token = await createAccountToken(env, { name: "RSS計測店", email: "rss@example.com" });
    const booted = await bootServer(env, [], await npmStartFlags());
    server.child = booted.child;
    const pid = booted.child.pid ?? 0;
    const call = (method: string, path: string, body?: unknown) =>
      post(booted.url + path, method, token, body === undefined ? undefined : JSON.stringify(body));

    const shop = await call("POST", "/api/shops", {
      channel: "rakuten",
      name: "楽天RSS計測店",
      credentials: { serviceSecret: mall.serviceSecret, licenseKey: mall.licenseKey },
    });
    const startMb = await rssMb(pid);
    let peakMb = startMb;
    const timer = setInterval(() => {
      rssMb(pid).then(
        (mb) => {
          peakMb = Math.max(peakMb, mb);
        },
        () => {},
      );
    }, 200);
    const started = performance.now();
    let run: Record<string, unknown>;
    try {
      run = await call("POST", `/api/shops/${shop.id}/import`);
    } finally {
      clearInterval(timer);
    }
    const ms = performance.now() - started;
    // The kernel's own high-water mark catches a peak between two samples.
    peakMb = Math.max(peakMb, await rssMb(pid, "VmHWM"));
    return { count, created: Number(run.created), ms, perSecond: perSecond(count, ms), startMb, peakMb };
  } finally {
    server.child?.kill("SIGTERM");
    if (server.child && server.child.exitCode === null)
      await new Promise((r) => server.child?.once("exit", r));
    await sandbox.close();
    await database.close();
  }
}

/** The Node flags `npm start` runs server/main.ts with (package.json), so the memory is npm start's. */
async function npmStartFlags(): Promise<string[]> {
  const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
  const words = String(pkg.scripts.start).split(/\s+/);
  return words.slice(1, words.indexOf("server/main.ts"));
}

async function rssMb(pid: number, field: "VmRSS" | "VmHWM" = "VmRSS"): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** node:http rather than fetch: an import of 100,000 orders answers after minutes, past fetch's header timeout. */
function post(url: string, method: string, token: string, body?: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => {
          if ((res.statusCode ?? 500) >= 400)
            reject(new Error(`${method} ${url} → ${res.statusCode}: ${text}`));
          else resolve(JSON.parse(text) as Record<string, unknown>);
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
