import assert from "node:assert/strict";
import { test } from "node:test";
import { type ParcelFacts, parcelNotes } from "./parcel-notes.ts";

const plain: ParcelFacts = {
  gift: false,
  wrappings: [],
  noshi: null,
  dropOffLocation: null,
  temperature: null,
  pickupPoint: null,
  remoteIsland: false,
};

test("parcel notes: one line per wish, none for a plain parcel", () => {
  const table: [Partial<ParcelFacts>, string[]][] = [
    [{}, []],
    [{ gift: true }, ["ギフト"]],
    [{ wrappings: [{ name: "和紙" }, { name: "金のリボン" }] }, ["ラッピング: 和紙・金のリボン"]],
    [{ noshi: "御歳暮" }, ["のし: 御歳暮"]],
    [{ temperature: "frozen" }, ["クール便(冷凍)"]],
    [{ temperature: "chilled" }, ["クール便(冷蔵)"]],
    [
      { pickupPoint: { kind: "ファミリーマート", name: "名瀬港町店" } },
      ["受取場所: ファミリーマート 名瀬港町店"],
    ],
    [{ dropOffLocation: "宅配ボックス" }, ["置き配: 宅配ボックス"]],
    [{ remoteIsland: true }, ["離島・一部地域"]],
    [{ gift: true, noshi: "御祝", temperature: "chilled" }, ["ギフト", "のし: 御祝", "クール便(冷蔵)"]],
  ];
  for (const [facts, notes] of table) assert.deepEqual(parcelNotes({ ...plain, ...facts }), notes);
});
