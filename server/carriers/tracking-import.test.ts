import assert from "node:assert/strict";
import { test } from "node:test";
import { Refusal } from "#server/domain/refusal.ts";
import { TRACKING_IMPORT_PROFILES } from "./registry.ts";
import { readTrackingRows, validateProfile } from "./tracking-import.ts";

const TODAY = "2026-03-02";
const profile = (id: string) => {
  const p = TRACKING_IMPORT_PROFILES.find((x) => x.id === id);
  assert.ok(p, id);
  return p;
};

test("B2 発行済みデータ: hyphenated and full-width numbers normalised, B2's date read", () => {
  const upload = {
    header: ["お客様管理番号", "送り状種類", "伝票番号", "出荷予定日"],
    records: [
      ["J0000000123", "0", "1234-5678-9012", "2026/03/01"],
      ["J0000000124", "0", "１２３４５６７８９０１３", ""],
    ],
  };
  assert.deepEqual(readTrackingRows(profile("yamato_b2_issued"), upload, TODAY), {
    headerErrors: [],
    rows: [
      {
        line: 2,
        slipNumber: "J0000000123",
        trackingNumber: "123456789012",
        carrier: "yamato",
        shippedOn: "2026-03-01",
      },
      {
        line: 3,
        slipNumber: "J0000000124",
        trackingNumber: "123456789013",
        carrier: "yamato",
        shippedOn: TODAY,
      },
    ],
  });
});

test("e飛伝: 出荷日 as YYYYMMDD, the header matched despite full-width Ｎｏ．", () => {
  const upload = {
    header: ["お問い合せ送り状Ｎｏ．", "お客様管理番号", "出荷日"],
    records: [["400012345678", "J0000000123", "20260301"]],
  };
  const { rows } = readTrackingRows(profile("sagawa_ehiden"), upload, TODAY);
  assert.deepEqual(rows, [
    {
      line: 2,
      slipNumber: "J0000000123",
      trackingNumber: "400012345678",
      carrier: "sagawa",
      shippedOn: "2026-03-01",
    },
  ]);
});

test("e飛伝 出荷実績: お問合せ送り状№ and 出荷日時 with its time, お客様管理ナンバー", () => {
  const upload = {
    header: ["お問合せ送り状№", "出荷日時", "住所録コード", "お客様管理ナンバー"],
    records: [
      ["400012345678", "2026/03/01 17:42:05", "", "J0000000123"],
      ["400012345679", "2026/03/01 25:00", "", "J0000000124"],
    ],
  };
  const { rows } = readTrackingRows(profile("sagawa_ehiden_results"), upload, TODAY);
  assert.deepEqual(
    rows.map((r) => ("error" in r ? [r.line, r.error.field] : [r.line, r.slipNumber, r.shippedOn])),
    [
      [2, "J0000000123", "2026-03-01"],
      [3, "出荷日時"],
    ],
  );
});

test("ゆうプリR 発送履歴: domestic 11–13 digits and the international form; no acceptance date yet → today", () => {
  const upload = {
    header: [
      "お客様側管理番号",
      "お問い合わせ番号",
      "仮引受確定作業年月日",
      "配送完了作業年月日",
      "配達ステータス集約コード",
      "配達ステータス明細コード",
    ],
    records: [
      ["J1", "1234-5678-901", "2026/03/01", "", "10", "0A"],
      ["J2", "ej123456789jp", "", "", "10", "0A"],
      ["J3", "1234567890", "2026/03/01", "", "10", "0A"],
    ],
  };
  const { rows } = readTrackingRows(profile("japanpost_yupri"), upload, TODAY);
  assert.deepEqual(
    rows.map((r) => ("error" in r ? [r.line, r.error.message] : [r.line, r.trackingNumber, r.shippedOn])),
    [
      [2, "12345678901", "2026-03-01"],
      [3, "EJ123456789JP", TODAY],
      [4, "日本郵便の伝票番号は11〜13桁の数字(国際郵便は EJ123456789JP の形)です(1234567890)"],
    ],
  );
});

test("a missing column names what was expected and what the file has", () => {
  const upload = { header: ["管理番号", "伝票番号"], records: [["J1", "123456789012"]] };
  const result = readTrackingRows(profile("yamato_b2_issued"), upload, TODAY);
  assert.deepEqual(result.rows, []);
  assert.deepEqual(result.headerErrors, [
    "列 「お客様管理番号」「出荷予定日」 がありません(ヤマト運輸 B2クラウド 発行済みデータ に必要な列: お客様管理番号、伝票番号、出荷予定日 / ファイルの列: 管理番号、伝票番号)",
  ]);
});

test("per-row errors carry the file line; identical repeats dropped, other boxes kept, disagreements refused", () => {
  const upload = {
    header: ["お客様管理番号", "伝票番号", "出荷予定日"],
    records: [
      ["", "123456789012", ""],
      ["J1", "12345", ""],
      ["J1", "123456789012", "2026/13/01"],
      ["J2", "123456789012", "2026/3/1"],
      ["J2", "1234 5678 9012", "2026-03-01"],
      ["J2", "999999999999", "2026-03-01"],
      ["J2", "999999999998", "2026-03-02"],
    ],
    recordLines: [2, 3, 5, 6, 7, 8, 9],
  };
  const { rows } = readTrackingRows(profile("yamato_b2_issued"), upload, TODAY);
  assert.deepEqual(rows, [
    { line: 2, error: { field: "お客様管理番号", message: "お客様管理番号 が空です" } },
    {
      line: 3,
      slipNumber: "J1",
      error: { field: "伝票番号", message: "ヤマト運輸の伝票番号は12桁の数字です(12345)" },
    },
    {
      line: 5,
      slipNumber: "J1",
      error: {
        field: "出荷予定日",
        message:
          "日付「2026/13/01」が読めません(YYYY/MM/DD、YYYYMMDD、YYYY-MM-DD のいずれか。時刻は付いていても構いません)",
      },
    },
    { line: 6, slipNumber: "J2", trackingNumber: "123456789012", carrier: "yamato", shippedOn: "2026-03-01" },
    { line: 8, slipNumber: "J2", trackingNumber: "999999999999", carrier: "yamato", shippedOn: "2026-03-01" },
    {
      line: 9,
      slipNumber: "J2",
      error: {
        field: "お客様管理番号",
        message: "お客様管理番号 J2 は 6 行目にもあり、配送会社か出荷日が違います",
      },
    },
  ]);
});

test("a profile without a carrier reads it from its column", () => {
  const own = validateProfile({
    id: "own",
    name: "自社出荷一覧",
    carrier: null,
    slipNumberColumn: "管理番号",
    trackingNumberColumn: "追跡番号",
    shippedOnColumn: "",
    carrierColumn: "配送業者",
  });
  assert.ok(!(own instanceof Refusal));
  assert.equal(own.shippedOnColumn, null);
  const upload = {
    header: ["管理番号", "配送業者", "追跡番号"],
    records: [
      ["J1", "佐川急便", "400012345678"],
      ["J2", "西濃", "1234567890"],
    ],
  };
  assert.deepEqual(readTrackingRows(own, upload, TODAY).rows, [
    { line: 2, slipNumber: "J1", trackingNumber: "400012345678", carrier: "sagawa", shippedOn: TODAY },
    { line: 3, slipNumber: "J2", error: { field: "配送業者", message: "配送会社「西濃」が分かりません" } },
  ]);
});

test("validateProfile lists every problem", () => {
  const r = validateProfile({
    id: "x",
    name: " ",
    slipNumberColumn: "番号",
    trackingNumberColumn: "番号",
    carrier: "fedex",
  });
  assert.ok(r instanceof Refusal);
  assert.equal(r.code, "tracking_import.invalid_profile");
  assert.deepEqual(
    r.errors?.map((e) => e.path),
    ["name", "carrier", "trackingNumberColumn"],
  );
  const noCarrier = validateProfile({ id: "x", name: "a", slipNumberColumn: "a", trackingNumberColumn: "b" });
  assert.ok(noCarrier instanceof Refusal);
  assert.deepEqual(
    noCarrier.errors?.map((e) => e.path),
    ["carrierColumn"],
  );
  for (const p of TRACKING_IMPORT_PROFILES) assert.deepEqual(validateProfile(p), p, p.id);
});
