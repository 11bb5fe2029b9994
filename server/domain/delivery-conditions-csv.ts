import { CARRIER_CODES, CARRIERS, type Carrier } from "./carrier.ts";
import {
  type DeliveryConditions,
  MAX_LEAD_DAYS,
  TIME_SLOT_LABELS,
  TIME_SLOTS,
  type TimeSlot,
} from "./delivery-conditions.ts";

/**
 * 配送条件の一括編集: one row per product, in the merchant's words (warehouse and carrier by name, time
 * slots by label), so a file exported, edited in Excel and uploaded again changes only what was edited.
 * A blank 物流会社 is the shop's warehouse, a blank 配送会社 the warehouse's default, a blank 時間帯
 * every slot the carrier offers, and 「なし」 no time slot at all; a blank お届け対応可能日数 is 0.
 */
export const DELIVERY_CONDITIONS_HEADER = [
  "SKU",
  "商品名",
  "物流会社",
  "配送会社",
  "お届け対応可能日数",
  "時間帯",
] as const;

/** The columns an upload must have; 商品名 is there to read by and is not imported. */
const REQUIRED = ["SKU", "物流会社", "配送会社", "お届け対応可能日数", "時間帯"] as const;
const NO_SLOT = "なし";
const SLOT_SEPARATOR = "/";

export type ConditionsRow = DeliveryConditions & { sku: string; name: string };

export function deliveryConditionsCsvRow(
  row: ConditionsRow,
  warehouseName: (id: string) => string,
): string[] {
  return [
    row.sku,
    row.name,
    row.warehouseId === null ? "" : warehouseName(row.warehouseId),
    row.carrier === null ? "" : CARRIERS[row.carrier].label,
    String(row.leadDays),
    row.timeSlots === null
      ? ""
      : row.timeSlots.length === 0
        ? NO_SLOT
        : row.timeSlots.map((s) => TIME_SLOT_LABELS[s]).join(SLOT_SEPARATOR),
  ];
}

/** One refusal of an upload: the file line (header = 1), the column, the rule broken, in Japanese. */
export type CsvProblem = { line: number; field: string; rule: string; message: string };

export type ConditionsUpdate = DeliveryConditions & { productId: string };

/**
 * Reads an uploaded file's rows into updates, or the problems of every bad row. The caller writes the
 * updates only when there is no problem at all (see app/catalog/delivery-conditions.ts for why).
 */
export function readDeliveryConditionsCsv(
  upload: { header: readonly string[]; records: readonly string[][]; recordLines: readonly number[] },
  known: { productIdOf: ReadonlyMap<string, string>; warehouseIdsOf: ReadonlyMap<string, string[]> },
): { updates: ConditionsUpdate[]; problems: CsvProblem[] } {
  const missing = REQUIRED.filter((h) => !upload.header.includes(h));
  if (missing.length > 0)
    return {
      updates: [],
      problems: missing.map((field) => ({
        line: 1,
        field,
        rule: "missing_column",
        message: `見出し行に「${field}」の列がありません`,
      })),
    };
  const at = (record: readonly string[], field: (typeof REQUIRED)[number]) =>
    (record[upload.header.indexOf(field)] ?? "").normalize("NFKC").trim();
  const updates: ConditionsUpdate[] = [];
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  upload.records.forEach((record, i) => {
    const line = upload.recordLines[i] ?? i + 2;
    const problem = (field: string, rule: string, message: string) =>
      problems.push({ line, field, rule, message });
    const before = problems.length;
    const sku = (record[upload.header.indexOf("SKU")] ?? "").trim();
    const productId = known.productIdOf.get(sku);
    if (sku === "") problem("SKU", "required", "SKUを入力してください");
    else if (!productId) problem("SKU", "unknown_sku", `SKU「${sku}」の商品がありません`);
    else if (seen.has(sku)) problem("SKU", "duplicate", `SKU「${sku}」は${seen.get(sku)}行目にもあります`);
    seen.set(sku, seen.get(sku) ?? line);
    const warehouse = readWarehouse(at(record, "物流会社"), known.warehouseIdsOf, problem);
    const carrier = readCarrier(at(record, "配送会社"), problem);
    const leadDays = readLeadDays(at(record, "お届け対応可能日数"), problem);
    const timeSlots = readTimeSlots(at(record, "時間帯"), problem);
    if (problems.length === before && productId && warehouse !== undefined && carrier !== undefined)
      updates.push({
        productId,
        warehouseId: warehouse,
        carrier,
        leadDays: leadDays ?? 0,
        timeSlots: timeSlots ?? null,
      });
  });
  return { updates, problems };
}

type Problem = (field: string, rule: string, message: string) => void;

function readWarehouse(
  text: string,
  idsOf: ReadonlyMap<string, string[]>,
  problem: Problem,
): string | null | undefined {
  if (text === "") return null;
  const ids = idsOf.get(text) ?? [];
  if (ids.length === 1) return ids[0];
  problem(
    "物流会社",
    ids.length === 0 ? "unknown_warehouse" : "ambiguous_warehouse",
    ids.length === 0
      ? `物流会社「${text}」という倉庫がありません`
      : `物流会社「${text}」という名前の倉庫が${ids.length}つあります。倉庫名を区別してください`,
  );
  return undefined;
}

function readCarrier(text: string, problem: Problem): Carrier | null | undefined {
  if (text === "") return null;
  const code = CARRIER_CODES.find((c) => c === text || CARRIERS[c].label === text);
  if (code) return code;
  const labels = CARRIER_CODES.map((c) => CARRIERS[c].label).join("、");
  problem("配送会社", "unknown_carrier", `配送会社「${text}」は指定できません(${labels} のいずれか)`);
  return undefined;
}

function readLeadDays(text: string, problem: Problem): number | undefined {
  if (text === "") return 0;
  if (!/^\d+$/.test(text) || Number(text) > MAX_LEAD_DAYS) {
    problem("お届け対応可能日数", "range", `お届け対応可能日数は0〜${MAX_LEAD_DAYS}の整数です(「${text}」)`);
    return undefined;
  }
  return Number(text);
}

/** 〜 (WAVE DASH) comes back from Shift_JIS as ～ (FULLWIDTH TILDE), and from hand-typed files as ~. */
const slotText = (text: string) => text.normalize("NFKC").replace(/[〜～~]/g, "~");

const SLOT_OF = new Map<string, TimeSlot>(
  TIME_SLOTS.flatMap((s) => [
    [s, s],
    [slotText(TIME_SLOT_LABELS[s]), s],
  ]),
);

function readTimeSlots(text: string, problem: Problem): TimeSlot[] | null | undefined {
  if (text === "") return null;
  if (text === NO_SLOT) return [];
  const slots = text.split(SLOT_SEPARATOR).map((s) => slotText(s.trim()));
  const unknown = text.split(SLOT_SEPARATOR).filter((s) => !SLOT_OF.has(slotText(s.trim())));
  if (unknown.length > 0) {
    const labels = TIME_SLOTS.map((s) => TIME_SLOT_LABELS[s]).join("、");
    problem(
      "時間帯",
      "unknown_time_slot",
      `時間帯「${unknown.join(SLOT_SEPARATOR)}」は指定できません(${labels} を「${SLOT_SEPARATOR}」で区切るか、空欄ですべて、「${NO_SLOT}」で指定不可)`,
    );
    return undefined;
  }
  return [...new Set(slots.map((s) => SLOT_OF.get(s) as TimeSlot))];
}
