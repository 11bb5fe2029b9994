import { type ChildProcess, spawn } from "node:child_process";

/** For the sandboxes' tests, and tests that drive a sandbox: a manual clock, a JSON call, main.ts run. */

export type ManualClock = {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
  advanceMinutes(minutes: number): void;
};

export function manualClock(startIso: string): ManualClock {
  let t = Date.parse(startIso);
  return {
    now: () => new Date(t),
    set: (iso) => {
      t = Date.parse(iso);
    },
    advance: (ms) => {
      t += ms;
    },
    advanceMinutes: (minutes) => {
      t += minutes * 60_000;
    },
  };
}

/** `method url` with `body` as JSON (and its Content-Type), or with no body at all. */
export const sendJson = (url: string, method: string, body?: unknown): Promise<Response> =>
  fetch(url, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Runs a sandbox's main.ts with these arguments until it says `listening on <url>`; kill `child` after. */
export async function runMain(
  script: string,
  args: string[],
): Promise<{ url: string; firstLine: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const found = await new Promise<{ url: string; firstLine: string }>((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url, firstLine: out.split("\n")[0] ?? "" });
    });
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  }).catch((failure: unknown) => {
    child.kill("SIGTERM");
    throw failure;
  });
  return { ...found, child };
}
