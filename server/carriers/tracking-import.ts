import { type Carrier, isCarrier } from "#server/domain/carrier.ts";
import { Refusal } from "#server/domain/refusal.ts";
import {
  carrierFromName,
  normalizeTrackingNumber,
  parseShippedOn,
  trackingNumberProblem,
} from "./tracking-number.ts";

/**
 * How to read a carrier's export to mark shipments shipped: which header names hold Juchu's slip
 * number, the tracking number and the date. Header names, not positions, because merchants (and the
 * carriers' own export settings) reorder and trim columns.
 */
export type TrackingImportProfile = {
  id: string;
  name: string;
  /** null when the file says per row, in carrierColumn */
  carrier: Carrier | null;
  slipNumberColumn: string;
  trackingNumberColumn: string;
  /** null: every row ships today */
  shippedOnColumn: string | null;
  carrierColumn: string | null;
};

export type TrackingRow =
  | { line: number; slipNumber: string; trackingNumber: string; carrier: Carrier; shippedOn: string }
  | { line: number; slipNumber?: string; error: { field: string; message: string } };

export type TrackingUpload = {
  header: readonly string[];
  records: readonly (readonly string[])[];
  /** File line of each record; without it, record i is taken to be on line i + 2 */
  recordLines?: readonly number[];
};

/**
 * Header names compared loosely: full-width "Ｎｏ．", "№" for "No", a dropped period and stray spaces are
 * what Excel and the carriers' own versions leave behind.
 */
const headerKey = (name: string) => name.normalize("NFKC").replace(/[\s.]/g, "").toUpperCase();

export function readTrackingRows(
  profile: TrackingImportProfile,
  upload: TrackingUpload,
  today: string,
): { headerErrors: string[]; rows: TrackingRow[] } {
  const keys = upload.header.map(headerKey);
  const wanted = [
    profile.slipNumberColumn,
    profile.trackingNumberColumn,
    profile.shippedOnColumn,
    profile.carrier === null ? profile.carrierColumn : null,
  ].filter((c): c is string => c !== null);
  const missing = wanted.filter((c) => !keys.includes(headerKey(c)));
  if (missing.length > 0)
    return {
      headerErrors: [
        `列 ${missing.map((c) => `「${c}」`).join("")} がありません(${profile.name} に必要な列: ${wanted.join("、")} / ファイルの列: ${upload.header.join("、")})`,
      ],
      rows: [],
    };
  const at = (record: readonly string[], column: string | null) =>
    column === null ? "" : (record[keys.indexOf(headerKey(column))] ?? "").trim();

  const firstBySlip = new Map<
    string,
    { line: number; trackingNumbers: Set<string>; carrier: Carrier; shippedOn: string }
  >();

  /**
   * One record as a row; null for an identical repeat (the file exported twice into one). A slip on
   * several rows with other tracking numbers is one shipment of several boxes (複数口): each row is a
   * parcel, and they must agree on the carrier and the date, which Juchu keeps per shipment.
   */
  function read(record: readonly string[], line: number): TrackingRow | null {
    const fail = (field: string, message: string, slipNumber?: string): TrackingRow => ({
      line,
      ...(slipNumber ? { slipNumber } : {}),
      error: { field, message },
    });
    const slipNumber = at(record, profile.slipNumberColumn).normalize("NFKC");
    if (slipNumber === "") return fail(profile.slipNumberColumn, `${profile.slipNumberColumn} が空です`);

    const carrierText = at(record, profile.carrierColumn);
    const carrier = profile.carrier ?? carrierFromName(carrierText);
    if (carrier === null)
      return fail(profile.carrierColumn ?? "", `配送会社「${carrierText}」が分かりません`, slipNumber);

    const trackingNumber = normalizeTrackingNumber(at(record, profile.trackingNumberColumn));
    if (trackingNumber === "")
      return fail(profile.trackingNumberColumn, `${profile.trackingNumberColumn} が空です`, slipNumber);
    const shape = trackingNumberProblem(carrier, trackingNumber);
    if (shape) return fail(profile.trackingNumberColumn, `${shape}(${trackingNumber})`, slipNumber);

    const dateText = at(record, profile.shippedOnColumn);
    const shippedOn = dateText === "" ? today : parseShippedOn(dateText);
    if (shippedOn === null)
      return fail(
        profile.shippedOnColumn ?? "",
        `日付「${dateText}」が読めません(YYYY/MM/DD、YYYYMMDD、YYYY-MM-DD のいずれか。時刻は付いていても構いません)`,
        slipNumber,
      );

    const first = firstBySlip.get(slipNumber);
    if (first) {
      if (first.carrier !== carrier || first.shippedOn !== shippedOn)
        return fail(
          profile.slipNumberColumn,
          `${profile.slipNumberColumn} ${slipNumber} は ${first.line} 行目にもあり、配送会社か出荷日が違います`,
          slipNumber,
        );
      if (first.trackingNumbers.has(trackingNumber)) return null;
      first.trackingNumbers.add(trackingNumber);
      return { line, slipNumber, trackingNumber, carrier, shippedOn };
    }
    firstBySlip.set(slipNumber, { line, trackingNumbers: new Set([trackingNumber]), carrier, shippedOn });
    return { line, slipNumber, trackingNumber, carrier, shippedOn };
  }

  const rows: TrackingRow[] = [];
  upload.records.forEach((record, i) => {
    const row = read(record, upload.recordLines?.[i] ?? i + 2);
    if (row) rows.push(row);
  });
  return { headerErrors: [], rows };
}

type ProfileInput = { [K in keyof TrackingImportProfile]?: unknown };

/** A merchant's own profile, every problem listed. Blank optional columns mean "not in the file". */
export function validateProfile(input: ProfileInput): TrackingImportProfile | Refusal {
  const errors: { path: string; message: string }[] = [];
  const text = (key: keyof TrackingImportProfile, label: string, required: boolean): string | null => {
    const value = input[key];
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
      if (required) errors.push({ path: key, message: `${label}を入力してください` });
      return null;
    }
    if (typeof value !== "string") {
      errors.push({ path: key, message: `${label}は文字列です` });
      return null;
    }
    if (value.trim().length > 100) errors.push({ path: key, message: `${label}は100文字までです` });
    return value.trim();
  };
  const id = text("id", "ID", true);
  const name = text("name", "名前", true);
  const slipNumberColumn = text("slipNumberColumn", "管理番号の列名", true);
  const trackingNumberColumn = text("trackingNumberColumn", "伝票番号の列名", true);
  const shippedOnColumn = text("shippedOnColumn", "出荷日の列名", false);
  const carrierColumn = text("carrierColumn", "配送会社の列名", false);
  let carrier: Carrier | null = null;
  if (input.carrier !== undefined && input.carrier !== null && input.carrier !== "") {
    if (typeof input.carrier === "string" && isCarrier(input.carrier)) carrier = input.carrier;
    else errors.push({ path: "carrier", message: "配送会社が正しくありません" });
  } else if (carrierColumn === null)
    errors.push({ path: "carrierColumn", message: "配送会社を選ぶか、配送会社の列名を入力してください" });
  if (slipNumberColumn !== null && slipNumberColumn === trackingNumberColumn)
    errors.push({ path: "trackingNumberColumn", message: "管理番号と伝票番号に同じ列は使えません" });

  if (errors.length > 0 || !id || !name || !slipNumberColumn || !trackingNumberColumn)
    return new Refusal(
      "tracking_import.invalid_profile",
      errors[0]?.message ?? "取込設定が正しくありません",
      {
        errors,
      },
    );
  return { id, name, carrier, slipNumberColumn, trackingNumberColumn, shippedOnColumn, carrierColumn };
}
