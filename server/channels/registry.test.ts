import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { enqueueDueImports } from "#server/app/channels/import-shop.ts";
import { checkMasterRows } from "#server/domain/mall-masters.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { UNKNOWN_VALUE_KINDS } from "#server/domain/unknown-mall-values.ts";
import type { ChannelDefinition } from "#server/ports/channel.ts";
import { startTestApp } from "#test/app.ts";
import { csv } from "./csv/index.ts";
import { csvUpload } from "./csv/upload.ts";
import { CHANNELS, channelRegistry } from "./registry.ts";

test("every folder under server/channels/ registers one definition under its own name", () => {
  const folders = readdirSync(import.meta.dirname).filter((f) =>
    statSync(join(import.meta.dirname, f)).isDirectory(),
  );
  assert.deepEqual(CHANNELS.map((c) => c.code).sort(), folders.sort());
});

test("every definition is whole: a polled channel builds a source, reasons and fields are unique", () => {
  for (const c of CHANNELS) {
    if (c.capabilities.source === "poll") assert.ok(c.createClients, `${c.code} polls, so it builds clients`);
    if (c.capabilities.cancel)
      assert.ok(c.cancelReasons.length > 0, `${c.code} takes cancels, so it has reasons`);
    assert.equal(new Set(c.cancelReasons.map((r) => r.code)).size, c.cancelReasons.length, c.code);
    assert.equal(new Set(c.credentials.map((f) => f.key)).size, c.credentials.length, c.code);
    if (c.upload)
      assert.equal(c.capabilities.source, "upload", `${c.code} reads files, so they are its source`);
  }
  assert.throws(() => channelRegistry([...CHANNELS, ...CHANNELS]), /share a code/);
});

test("every master a channel registers has defaults its own rules accept, and a kind Juchu lists unknown values of", () => {
  for (const c of CHANNELS) {
    const kinds = (c.masters ?? []).map((m) => m.kind);
    assert.equal(new Set(kinds).size, kinds.length, `${c.code}: one master per kind`);
    for (const m of c.masters ?? []) {
      const checked = checkMasterRows(m, m.defaults);
      assert.ok(!(checked instanceof Refusal), `${c.code} ${m.kind}: ${(checked as Refusal).detail}`);
      assert.ok(m.kind in UNKNOWN_VALUE_KINDS, `${c.code} ${m.kind}: an unknown value of it can be listed`);
    }
  }
});

/**
 * A new channel is a folder exporting this and a line in registry.ts: here one like the CSV order
 * channel (files uploaded, no credentials, nothing polled) is offered by the API without any other
 * change, takes shops, and is never polled.
 */
const uploadChannel: ChannelDefinition = {
  code: "upload-test",
  label: "ファイル取込(テスト)",
  kind: "file",
  credentials: [],
  capabilities: {
    source: "upload",
    confirm: null,
    reportShipping: false,
    cancel: false,
    stock: false,
    recheckDays: 0,
  },
  cancelReasons: [],
  defaults: { gracePeriodMinutes: 0 },
};

test("a channel without credentials or a poll source is offered, takes shops and is never polled", async () => {
  const app = await startTestApp({ channels: [...CHANNELS, uploadChannel] });
  try {
    const vocabulary = await app.api("GET", "/api/vocabulary");
    const offered = vocabulary.body.channels.find((c: { code: string }) => c.code === "upload-test");
    assert.deepEqual(
      { source: offered?.source, credentials: offered?.credentials, cancelReasons: offered?.cancelReasons },
      { source: "upload", credentials: [], cancelReasons: [] },
    );
    // The admin offers the 問い合わせ inbox's settings only where the channel reads buyer messages.
    assert.equal(offered?.capabilities.inquiries, false);
    const rakuten = vocabulary.body.channels.find((c: { code: string }) => c.code === "rakuten");
    assert.equal(rakuten?.capabilities.inquiries, true, "R-Messe");
    const created = await app.api("POST", "/api/shops", {
      channel: "upload-test",
      name: "ファイル店",
      settings: { importEnabled: true },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.channelLabel, "ファイル取込(テスト)");
    assert.equal(created.body.settings.gracePeriodMinutes, 0);
    assert.equal(await enqueueDueImports(app.ctx), 0, "nothing to poll");
    const now = await app.api("POST", `/api/shops/${created.body.id}/import`);
    assert.equal(now.body.code, "import.channel_not_supported");
    const unknown = await app.api("POST", "/api/shops", { channel: "yahoo", name: "未登録" });
    assert.equal(unknown.status, 422, "only registered channels take shops");
  } finally {
    await app.close();
  }
});

test("uploads go through the registered file channel's own layouts and template, never one named in generic code", async () => {
  const layout = { ...csvUpload.builtInLayouts[0], id: "own-cart", name: "自社カート形式" };
  const fileChannel: ChannelDefinition = {
    ...uploadChannel,
    upload: {
      ...csvUpload,
      builtInLayouts: [layout as (typeof csvUpload.builtInLayouts)[number]],
      template: { fileName: "own-cart.csv", content: () => "注文番号\r\n" },
    },
  };
  assert.throws(() => channelRegistry([...CHANNELS, fileChannel]), /two channels take order files/);
  const app = await startTestApp({ channels: CHANNELS.filter((c) => c !== csv).concat(fileChannel) });
  try {
    const profiles = await app.api("GET", "/api/csv-order-profiles");
    assert.deepEqual(
      profiles.body.items.map((p: { id: string; name: string }) => [p.id, p.name]),
      [["own-cart", "自社カート形式"]],
    );
    const template = await fetch(`${app.url}/api/csv-order-template.csv`, {
      headers: { authorization: `Bearer ${app.owner.apiToken}` },
    });
    assert.equal(await template.text(), "注文番号\r\n");
    assert.match(template.headers.get("content-disposition") ?? "", /own-cart\.csv/);
  } finally {
    await app.close();
  }
  const none = await startTestApp({ channels: CHANNELS.filter((c) => c !== csv) });
  try {
    assert.equal(
      (await none.api("GET", "/api/csv-order-profiles")).status,
      404,
      "no file channel, no 取込設定",
    );
    assert.equal((await none.api("GET", "/api/postal-codes/100-0001")).status, 200);
  } finally {
    await none.close();
  }
});
