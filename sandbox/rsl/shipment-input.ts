import type { RslError } from "./http-reply.ts";
import { isCalendarDate } from "./jst.ts";
import type { Recipient } from "./state.ts";

/**
 * 出荷依頼 as sent, checked field by field so that one answer lists every problem with its path
 * (`recipient.postalCode`, `lines[2].quantity`): a merchant fixes a slip once, not once per field.
 * Fields RSL does not know are ignored.
 */

export const TIME_SLOTS = ["0812", "1416", "1618", "1820", "1921"] as const;

export type ShipmentInput = {
  clientShipmentId: string;
  orderNumbers: string[];
  recipient: Recipient;
  deliveryDate: string | null;
  deliveryTimeSlot: string | null;
  /** 出荷希望日: the merchant's own 出荷予定日; RSL ships no earlier than it. */
  requestedShipDate: string | null;
  lines: { sku: string; quantity: number }[];
};

const MISSING = "E1002";
const FORMAT = "E1003";
const RANGE = "E1004";
const messages: Record<string, string> = {
  [MISSING]: "必須項目がありません",
  [FORMAT]: "形式が正しくありません",
  [RANGE]: "数量が範囲外です",
};

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => v !== null && typeof v === "object" && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null || v === "";

export function readShipmentInput(
  body: unknown,
): { ok: true; value: ShipmentInput } | { ok: false; errors: RslError[] } {
  const found: RslError[] = [];
  const fail = (code: string, field: string) => found.push({ code, field, message: messages[code] ?? "" });
  if (!isObject(body))
    return {
      ok: false,
      errors: [{ code: FORMAT, message: "リクエスト本文がJSONオブジェクトではありません" }],
    };
  const root = body;

  /** A required (or optional) string; `pattern` is its format. */
  const text = (from: Fields, key: string, field: string, pattern?: RegExp, optional = false): string => {
    const v = from[key];
    if (absent(v)) {
      if (!optional) fail(MISSING, field);
      return "";
    }
    if (typeof v !== "string" || (pattern && !pattern.test(v))) fail(FORMAT, field);
    return typeof v === "string" ? v : "";
  };

  /** A required list of 1–max items. */
  const list = (key: string, max: number): unknown[] => {
    const v = root[key];
    if (absent(v) || (Array.isArray(v) && v.length === 0)) fail(MISSING, key);
    else if (!Array.isArray(v) || v.length > max) fail(FORMAT, key);
    return Array.isArray(v) ? v.slice(0, max) : [];
  };

  const clientShipmentId = text(root, "clientShipmentId", "clientShipmentId", /^[A-Za-z0-9-]{1,20}$/);
  const orderNumbers = list("orderNumbers", 20).map((v, i) => text({ v }, "v", `orderNumbers[${i}]`));

  let recipient: Recipient = { name: "", postalCode: "", prefecture: "", address1: "", phone: "" };
  if (absent(root.recipient)) fail(MISSING, "recipient");
  else if (!isObject(root.recipient)) fail(FORMAT, "recipient");
  else {
    const r = root.recipient;
    const name = text(r, "name", "recipient.name");
    const postalCode = text(r, "postalCode", "recipient.postalCode", /^(?:\d{3}-\d{4}|\d{7})$/);
    const prefecture = text(r, "prefecture", "recipient.prefecture");
    const address1 = text(r, "address1", "recipient.address1");
    const address2 = text(r, "address2", "recipient.address2", undefined, true);
    const phone = text(r, "phone", "recipient.phone", /^[0-9-]+$/);
    const digits = phone.replaceAll("-", "").length;
    if (/^[0-9-]+$/.test(phone) && (digits < 10 || digits > 13)) fail(FORMAT, "recipient.phone");
    recipient = { name, postalCode, prefecture, address1, ...(address2 === "" ? {} : { address2 }), phone };
  }

  const deliveryDate = text(root, "deliveryDate", "deliveryDate", undefined, true);
  if (deliveryDate !== "" && !isCalendarDate(deliveryDate)) fail(FORMAT, "deliveryDate");
  const slot = text(root, "deliveryTimeSlot", "deliveryTimeSlot", undefined, true);
  if (slot !== "" && !(TIME_SLOTS as readonly string[]).includes(slot)) fail(FORMAT, "deliveryTimeSlot");

  const requestedShipDate = text(root, "requestedShipDate", "requestedShipDate", undefined, true);
  if (requestedShipDate !== "" && !isCalendarDate(requestedShipDate)) fail(FORMAT, "requestedShipDate");

  const lines = list("lines", 100).map((v, i) => {
    const at = `lines[${i}]`;
    if (!isObject(v)) {
      fail(FORMAT, at);
      return { sku: "", quantity: 0 };
    }
    const sku = text(v, "sku", `${at}.sku`);
    const q = v.quantity;
    if (q === undefined || q === null) fail(MISSING, `${at}.quantity`);
    else if (typeof q !== "number" || !Number.isInteger(q)) fail(FORMAT, `${at}.quantity`);
    else if (q < 1 || q > 9999) fail(RANGE, `${at}.quantity`);
    return { sku, quantity: typeof q === "number" ? q : 0 };
  });

  if (found.length > 0) return { ok: false, errors: found };
  return {
    ok: true,
    value: {
      clientShipmentId,
      orderNumbers,
      recipient,
      deliveryDate: deliveryDate || null,
      deliveryTimeSlot: slot || null,
      requestedShipDate: requestedShipDate || null,
      lines,
    },
  };
}
