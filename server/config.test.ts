import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, loadConfig } from "./config.ts";

test("JUCHU_PUBLIC_URL: the base of invitation links, without a trailing slash; not a URL stops the start", () => {
  assert.equal(loadConfig({}).publicUrl, undefined);
  assert.equal(
    loadConfig({ JUCHU_PUBLIC_URL: "https://juchu.example.jp/" }).publicUrl,
    "https://juchu.example.jp",
  );
  assert.throws(() => loadConfig({ JUCHU_PUBLIC_URL: "juchu.example.jp" }), ConfigError);
  assert.throws(() => loadConfig({ JUCHU_PUBLIC_URL: "ftp://juchu.example.jp" }), /JUCHU_PUBLIC_URL/);
});
