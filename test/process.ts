import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openTestDatabase } from "./database.ts";

const root = new URL("..", import.meta.url).pathname;

/**
 * Every child still running when a test file ends is killed: one a failed assertion left behind would
 * keep the file's process, and so the whole test run, waiting for ever. Only under the test runner —
 * the bench imports this module too.
 */
const running = new Set<ChildProcess>();
if (process.env.NODE_TEST_CONTEXT) {
  const { after } = await import("node:test");
  after(() => {
    for (const child of running) child.kill("SIGKILL");
  });
}

/**
 * A database for a child process: a fresh PostgreSQL database when DATABASE_URL is set, else an empty
 * PGlite folder (a PGlite folder must never be open in two processes, so the parent does not hold it).
 */
export async function childDatabase(): Promise<{
  env: Record<string, string>;
  dataDir: string | null;
  close(): Promise<void>;
}> {
  if (process.env.DATABASE_URL) {
    const db = await openTestDatabase();
    if (db.config.kind !== "postgres") throw new Error("expected PostgreSQL");
    return { env: { DATABASE_URL: db.config.url }, dataDir: null, close: () => db.close() };
  }
  const dataDir = join(tmpdir(), `juchu-child-${randomUUID()}`);
  return {
    env: { JUCHU_DATA_DIR: dataDir },
    dataDir,
    close: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** Runs a Juchu entry point (server/cli.ts, server/main.ts, …) with Node 24 — the one running the tests. */
export function spawnNode(
  script: string,
  args: string[],
  env: Record<string, string>,
  stdin: "ignore" | "pipe" = "ignore",
  nodeFlags: readonly string[] = [],
): ChildProcess {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, [...nodeFlags, join(root, script), ...args], {
    cwd: root,
    env: childEnv,
    stdio: [stdin, "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/** Starts `npm start`'s entry point and waits for its "listening on" line; rejects if it exits first. */
export async function bootServer(
  env: Record<string, string>,
  args: string[] = [],
  nodeFlags: readonly string[] = [],
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawnNode(
    "server/main.ts",
    args,
    { PORT: "0", LOG_LEVEL: "warn", ...env },
    "ignore",
    nodeFlags,
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[\d.]+:\d+)/);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr?.on("data", (d) => {
      out += d;
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return { child, url };
}

/** Runs an entry point to its end; `input` is what it reads on stdin (as if typed or piped). */
export async function runNode(
  script: string,
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnNode(script, args, env, input === undefined ? "ignore" : "pipe");
  child.stdin?.end(input);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, stdout, stderr };
}

/**
 * `npm run juchu -- account create` in a child process, as a new merchant runs it on the database of
 * `env`; the account's first API token. Throws with the CLI's words when it refuses.
 */
export async function createAccountToken(
  env: Record<string, string>,
  account: { name: string; email: string },
): Promise<string> {
  const created = await runNode(
    "server/cli.ts",
    ["account", "create", "--name", account.name, "--email", account.email, "--password", "long enough pw"],
    env,
  );
  if (created.code !== 0) throw new Error(`account create exited ${created.code}: ${created.stderr}`);
  return JSON.parse(created.stdout).apiToken as string;
}

/** A JSON call to a child server's API as `token`: its status and parsed body. */
export async function callApi(
  url: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever the API answered.
): Promise<{ status: number; body: any }> {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
