import { type RakutenSandbox, startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { type RslSandbox, startRslSandbox } from "#sandbox/rsl/server.ts";
import { runShopImport } from "#server/app/channels/import-shop.ts";
import type { AppContext } from "#server/app/context.ts";
import { DEMO_BUYER_EMAIL, DEMO_BUYER_PASSWORD } from "./b2b.ts";
import { type CatalogueItem, startBuyer } from "./buyer.ts";
import { RETIRED } from "./catalogue.ts";
import { DEMO_EMAIL, DEMO_PASSWORD, type DemoShop, PRODUCTS, setUp } from "./set-up.ts";

/**
 * `npm start -- --demo`: Juchu on its own PGlite folder, the Rakuten RMS and RSL sandboxes in the same
 * process, a demo account with two 楽天 shops — one shipping from the own stock room (the staff's
 * screens), one through RSL (every order reaches 完了 by itself) — and buyers placing orders.
 */

const CATALOGUE: CatalogueItem[] = [
  ...PRODUCTS.map((p) => ({ manageNumber: p.item.mallItemCode, name: p.item.name, price: p.item.unitPrice })),
  { manageNumber: RETIRED.mallItemCode, name: RETIRED.name, price: RETIRED.unitPrice, rare: true },
];

export type DemoArgs = { intervalSeconds: number };

export function parseDemoArgs(args: readonly string[]): DemoArgs {
  const given = args.find((a) => a.startsWith("--demo-interval="))?.slice("--demo-interval=".length);
  const intervalSeconds = given === undefined ? 8 : Number(given);
  if (!Number.isFinite(intervalSeconds) || intervalSeconds <= 0) {
    throw new Error(`--demo-interval must be a positive number of seconds, got "${given}"`);
  }
  return { intervalSeconds };
}

export type Demo = {
  /** Overrides for loadConfig: ./data-demo unless JUCHU_DATA_DIR is set. */
  configOverrides: { dataDir?: string };
  /** The sandboxes' URLs, by channel code or warehouse kind. */
  apiUrls: Record<string, string>;
  /** Sets up the account, shops and catalogue, then starts the buyers. */
  attach(ctx: AppContext): Promise<void>;
  stop(): Promise<void>;
};

/** Starts the sandboxes first, so the clients can be pointed at them when the context is built. */
export async function openDemo(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Demo> {
  const { intervalSeconds } = parseDemoArgs(args);
  const sandbox = await startRakutenSandbox();
  // Picking a minute after the request and out two minutes later: an order is 完了 minutes after it was placed.
  const rsl = await startRslSandbox({ pickingAfterMinutes: 1, shipAfterMinutes: 2 });
  const buyers: { stop(): void }[] = [];
  let stopped = false;
  const firstImports: NodeJS.Timeout[] = [];
  return {
    configOverrides: env.JUCHU_DATA_DIR ? {} : { dataDir: "./data-demo" },
    apiUrls: { rakuten: sandbox.url, rsl: rsl.url },
    async attach(ctx) {
      const shopsSetUp = await setUp(ctx, sandbox, rsl);
      printWelcome(sandbox, rsl, shopsSetUp, intervalSeconds);
      // Each shop's buyer orders half as often, so the demo takes an order every intervalSeconds in all.
      for (const [i, { shopId, mallShopId }] of shopsSetUp.shops.entries()) {
        if (stopped) return;
        buyers.push(
          startBuyer({
            sandboxUrl: sandbox.url,
            mallShopId,
            catalogue: CATALOGUE,
            intervalMs: intervalSeconds * 1000 * shopsSetUp.shops.length,
            firstAfterMs: i * intervalSeconds * 1000,
            onPlaced: (count) => {
              // The scheduler ticks every 15 s and then imports every minute: the first orders come in
              // now — a moment after the first one, as the mall's search window ends at whole seconds.
              if (count !== 1) return;
              firstImports.push(
                setTimeout(() => {
                  runShopImport(ctx, shopId)
                    .then((run) => {
                      if (run) console.log(`[デモ] 受注取込: ${run.counts.created}件を取り込みました`);
                    })
                    .catch((error) => console.error("[デモ] 受注取込に失敗しました:", error));
                }, 2000),
              );
            },
          }),
        );
      }
    },
    async stop() {
      stopped = true;
      for (const buyer of buyers) buyer.stop();
      for (const timer of firstImports) clearTimeout(timer);
      await sandbox.close();
      await rsl.close();
    },
  };
}

function printWelcome(
  sandbox: RakutenSandbox,
  rsl: RslSandbox,
  setUpDone: { created: boolean; shops: DemoShop[] },
  intervalSeconds: number,
) {
  const { created } = setUpDone;
  console.log(
    [
      "",
      "──────── Juchu デモ / demo ────────",
      `${created ? "デモアカウントを作成しました" : "デモアカウント"} / demo account${created ? " created" : ""}`,
      `  メールアドレス / email:    ${DEMO_EMAIL}`,
      `  パスワード / password:     ${DEMO_PASSWORD}`,
      `BtoB発注者 / buyer portal:  ${DEMO_BUYER_EMAIL} / ${DEMO_BUYER_PASSWORD}`,
      `楽天 RMS サンドボックス / Rakuten RMS sandbox: ${sandbox.url}`,
      ...setUpDone.shops.map((s) => `  ${s.name}: 店舗 / shop ${s.mallShopId}`),
      `RSL サンドボックス / RSL sandbox: ${rsl.url}`,
      `購入者が${intervalSeconds}秒ごとに注文します / buyers order every ${intervalSeconds} s`,
      "───────────────────────────────────",
      "",
    ].join("\n"),
  );
}
