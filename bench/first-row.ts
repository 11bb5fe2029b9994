/**
 * The order list's first row after navigation (issue 14: ≤ 300 ms on a quiet machine), in Debian's
 * Chromium against the real server — `server/main.ts` with the built bundle on its own PGlite folder,
 * as the browser tests run it. Two ways a merchant gets there: a cold load of /orders (bundle, the one
 * session call with its reference data, then the list and its counts) and a move to 受注一覧 from
 * another screen inside the app. Each sample is read in the page: from the navigation's start (or the
 * click) to the frame the first row is in the DOM.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { launchChromium, logInAsOwner, setUpOwner, startServer } from "../web/e2e/harness.ts";
import { order, SENCHA, seedBasics } from "../web/e2e/seed.ts";
import { fmt, type Percentiles, percentiles, table } from "./lib.ts";

export const FIRST_ROW_GOAL_MS = 300;
const FIRST_ROW = "tr[data-order-number]";

export type FirstRow = { orders: number; cold: Percentiles; inApp: Percentiles };

export async function benchFirstRow(
  samples: number,
  orders: number,
): Promise<FirstRow | { skipped: string }> {
  if (!existsSync("/usr/bin/chromium") && !process.env.CHROMIUM_PATH)
    return { skipped: "no Chromium (apt-get install chromium)" };
  if (!existsSync(new URL("../web/dist/index.html", import.meta.url))) {
    const built = spawnSync("npm", ["run", "build"], { stdio: "ignore" });
    if (built.status !== 0) return { skipped: "npm run build failed" };
  }
  // The figure is PGlite's, as `npm start` runs: a DATABASE_URL meant for the bench's own targets is not the server's.
  const databaseUrl = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const server = await startServer().finally(() => {
    if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
  });
  const browser = await launchChromium();
  try {
    const api = await setUpOwner(server.url);
    const shops = await seedBasics(api);
    for (let i = 0; i < orders; i++)
      await api.call(
        "POST",
        "/api/orders",
        order(shops.manualShop, `FR-${1000 + i}`, [SENCHA], { buyer: i }),
      );
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
    await page.goto(`${server.url}/orders`);
    await logInAsOwner(page);
    await page.locator(FIRST_ROW).first().waitFor();

    const cold: number[] = [];
    const inApp: number[] = [];
    for (let i = 0; i < samples; i++) {
      await page.goto(`${server.url}/orders`);
      const loaded = await page.waitForFunction(
        (row) => document.querySelector(row) !== null && performance.now(),
        FIRST_ROW,
      );
      cold.push(Number(await loaded.jsonValue()));

      await page.getByRole("link", { name: "出荷一覧" }).click();
      await page.locator(FIRST_ROW).first().waitFor({ state: "detached" });
      const started = await page.evaluate(() => performance.now());
      await page.locator("nav").getByRole("link", { name: "受注一覧" }).click();
      const shown = await page.waitForFunction(
        (row) => document.querySelector(row) !== null && performance.now(),
        FIRST_ROW,
      );
      inApp.push(Number(await shown.jsonValue()) - started);
    }
    return { orders, cold: percentiles(cold), inApp: percentiles(inApp) };
  } finally {
    await browser.close();
    await server.stop();
  }
}

export function printFirstRow(result: FirstRow | { skipped: string }): void {
  console.log("\n=== 受注一覧: first row after navigation, Chromium, server/main.ts on PGlite ===");
  if ("skipped" in result) {
    console.log(`not measured: ${result.skipped}`);
    return;
  }
  const row = (what: string, p: Percentiles) => [
    what,
    String(p.n),
    fmt.ms(p.p50),
    fmt.ms(p.p95),
    fmt.ms(p.max),
    `≤ ${FIRST_ROW_GOAL_MS}`,
    p.p95 <= FIRST_ROW_GOAL_MS ? "met" : "MISSED",
  ];
  console.log(
    table([
      ["navigation", "n", "p50 ms", "p95 ms", "max ms", "goal ms (p95)", "met?"],
      row("cold load of /orders", result.cold),
      row("出荷一覧 → 受注一覧 in the app", result.inApp),
    ]),
  );
  console.log(
    `(${fmt.int(result.orders)} orders in the account; the machine's load decides the absolute figures)`,
  );
}
