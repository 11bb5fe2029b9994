import { test } from "node:test";
import { juchuTemplateCsv } from "#server/channels/csv/profiles.ts";
import { startTestApp } from "#test/app.ts";

test("10,000 rows", async () => {
  const t = await startTestApp();
  const shop = (await t.api("POST", "/api/shops", { channel: "csv", name: "計測" })).body.id;
  const [header, example = ""] = juchuTemplateCsv().replace("\uFEFF", "").split("\r\n");
  const lines = [header];
  for (let o = 1; o <= 5000; o++) for (let l = 1; l <= 2; l++) lines.push(example.replace(/^1001/, `T-${o}`).replace("ITEM-001", `ITEM-${l}`));
  const body = `${lines.join("\r\n")}\r\n`;
  const up = performance.now();
  const res = await fetch(`${t.url}/api/csv-imports?shopId=${shop}&profileId=juchu`, { method: "POST", headers: { authorization: `Bearer ${t.owner.apiToken}`, "content-type": "text/csv" }, body });
  const run = await res.json();
  const s0 = performance.now();
  await t.runDueJobs("csv-import");
  const s = (performance.now() - s0) / 1000;
  const r = (await t.api("GET", `/api/csv-imports/${run.id}`)).body;
  console.log(`upload ${(s0 - up).toFixed(0)} ms for ${body.length} bytes; job ${s.toFixed(1)} s: ${r.rowsRead} rows ${r.created} orders => ${(r.rowsRead / s).toFixed(0)} rows/s, ${(r.created / s).toFixed(1)} orders/s; RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
  await t.close();
});
