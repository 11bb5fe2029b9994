import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { after, before } from "node:test";
import { type Browser, chromium, type Page } from "playwright-core";
import { childDatabase, spawnNode } from "#test/process.ts";

/**
 * The real thing end to end: `server/main.ts` (API, workers and the built bundle) as a child process on
 * an empty PGlite folder, driven by Debian's Chromium. Nothing is downloaded; no test leaves loopback.
 */
export async function startServer(
  env: Record<string, string> = {},
  /** Runs on the empty database before the server starts (e.g. the CLI creating an account). */
  prepare?: (databaseEnv: Record<string, string>) => Promise<void>,
): Promise<{ url: string; stop(): Promise<void> }> {
  if (!existsSync(new URL("../dist/index.html", import.meta.url))) {
    throw new Error("web/dist is missing: run `npm run build` (npm run test:e2e does it first)");
  }
  const database = await childDatabase();
  await prepare?.(database.env);
  const child = spawnNode("server/main.ts", [], { ...database.env, PORT: "0", LOG_LEVEL: "warn", ...env });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const read = (d: Buffer) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[\d.]+:\d+)/);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.on("exit", (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return {
    url,
    async stop() {
      await stopChild(child);
      await database.close();
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  // Killed already (test/process.ts kills every child when the file ends, maybe before this hook):
  // no "exit" will come again, so waiting for one would hold the test file open for ever.
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Chromium as root in a container needs these; playwright gives each launch a fresh profile folder. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--lang=ja-JP",
    ],
  });
}

export const OWNER = { accountName: "テスト商店", email: "owner@example.com", password: "a long password" };

export type BrowserTest = { readonly url: string; readonly page: Page; readonly browser: Browser };

/**
 * A browser test file's set-up: before its tests the server, Chromium and one page (Japanese, 1280×900,
 * 15 s a step); after them all of it closed. Read the fields inside a test, once before() has run.
 */
/** `env`: extra environment for the server, made before it starts (e.g. a sandbox started there, and its URL). */
export function browserSuite(
  options: {
    env?: () => Promise<Record<string, string>>;
    prepare?: (databaseEnv: Record<string, string>) => Promise<void>;
  } = {},
): BrowserTest {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  before(async () => {
    server = await startServer(await options.env?.(), options.prepare);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    page.setDefaultTimeout(15_000);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("browserSuite(): read inside a test, after before() ran");
    return value;
  };
  return {
    get url() {
      return ready(server).url;
    },
    get page() {
      return ready(page);
    },
    /** For a second person at the same time: browser.newContext() has its own cookies. */
    get browser() {
      return ready(browser);
    },
  };
}

/** The account set up through /api/setup as OWNER, and the API as OWNER's session. */
export async function setUpOwner(url: string): Promise<SessionClient> {
  const setup = await fetch(`${url}/api/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(OWNER),
  });
  if (!setup.ok) throw new Error(`set-up failed: ${setup.status} ${await setup.text()}`);
  return SessionClient.logIn(url, OWNER.email, OWNER.password);
}

/** Logs in as OWNER on the log-in form the page shows. */
export function logInAsOwner(page: Page): Promise<void> {
  return logIn(page, OWNER.email, OWNER.password);
}

/** Logs in on the log-in form the page shows. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
}

/** The API as the admin's own session sees it: the cookie plus the CSRF header, as the page sends them. */
export class SessionClient {
  private readonly url: string;
  private readonly cookie: string;
  private readonly csrf: string;

  private constructor(url: string, cookie: string, csrf: string) {
    this.url = url;
    this.cookie = cookie;
    this.csrf = csrf;
  }

  static async logIn(url: string, email: string, password: string): Promise<SessionClient> {
    const res = await fetch(`${url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`log-in failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { csrfToken: string };
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    return new SessionClient(url, cookie, body.csrfToken);
  }

  // biome-ignore lint/suspicious/noExplicitAny: seeding reads back whatever the endpoint answered.
  async call(method: string, path: string, body?: unknown): Promise<any> {
    const res = await fetch(this.url + path, {
      method,
      headers: { cookie: this.cookie, "x-csrf-token": this.csrf, "content-type": "application/json" },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
}
