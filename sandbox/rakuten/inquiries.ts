import { json, type Reply } from "./http-reply.ts";
import {
  addReply,
  awaitsMerchant,
  type InquiryAttachment,
  type InquiryFlag,
  type MallInquiry,
  presentInquiry,
  presentReply,
  setFlag,
  shopInquiry,
} from "./inquiry-record.ts";
import type { RmsCall, RmsFunctionRoute } from "./rms-call.ts";
import { DAY_MS, parseJstLocalDatetime } from "./rms-time.ts";

/**
 * RMS 問い合わせ管理API (InquiryManagementAPI, R-Messe) behind the same ESA gateway as the order API:
 * count and list by a date window, one thread, a shop reply, and 既読 / 完了 / 未完了 for up to 20
 * threads. Limits and error bodies are the documented ones (README): `{"error":{code, message,
 * targets}}`, targets naming each parameter at fault.
 */

const BASE = "/es/1.0/inquirymng-api";
const MAX_WINDOW_MS = 31 * DAY_MS;
const MAX_LIMIT = 100;
const MAX_PAGE = 10_000;
/** limit × page may reach 10,000 threads and no further. */
const MAX_REACH = 10_000;
const MAX_MESSAGE = 2000;
const MAX_LINE = 300;
const MAX_MARK = 20;
const INQUIRY_NUMBER = /^[0-9a-zA-Z-]{1,40}$/;
const DATE_RULE = 'must match "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$"';
/** Hosts a shop's message may link to (https only), as the reply doc lists them. */
const LINKABLE_HOSTS = [
  "rakuten.co.jp",
  "rakuten.ne.jp",
  "rakuten.com",
  "rakuten-bank.co.jp",
  "trafficgate.net",
  "rakuten-card.co.jp",
  "payment.sej.co.jp",
  "faq.rakuten.net",
  "support.rakuten-card.jp",
];

type Targets = Record<string, string>;

export const inquiryError = (status: number, code: string, message: string, targets?: Targets): Reply =>
  json(status, { error: targets === undefined ? { code, message } : { code, message, targets } });

const badParameter = (targets: Targets) => inquiryError(400, "IE001", "bad parameter", targets);
const notFound = () => inquiryError(404, "IE004", "not found");

function readWindow(query: URLSearchParams, targets: Targets): { from: Date; to: Date } | undefined {
  const dates: Partial<Record<"fromDate" | "toDate", Date>> = {};
  for (const field of ["fromDate", "toDate"] as const) {
    const text = query.get(field);
    if (text === null || text === "") targets[field] = "must not be null";
    else {
      const date = parseJstLocalDatetime(text);
      if (date) dates[field] = date;
      else targets[field] = DATE_RULE;
    }
  }
  const { fromDate: from, toDate: to } = dates;
  if (!from || !to) return undefined;
  const problem =
    to < from
      ? "date time range is invalid."
      : to.getTime() - from.getTime() > MAX_WINDOW_MS
        ? "date time range should be within 31 days."
        : undefined;
  if (problem) {
    targets.fromDate = problem;
    targets.toDate = problem;
    return undefined;
  }
  return { from, to };
}

function readInt(query: URLSearchParams, field: string, fallback: number, max: number, targets: Targets) {
  const text = query.get(field);
  if (text === null) return fallback;
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isNaN(n)) targets[field] = "must be a number";
  else if (n < 1) targets[field] = "should be greater than equal 1";
  else if (n > max) targets[field] = `should be less than equal ${max}`;
  return n;
}

function readFlag(query: URLSearchParams, targets: Targets): boolean {
  const text = query.get("noMerchantReply");
  if (text === null || text === "false") return false;
  if (text === "true") return true;
  targets.noMerchantReply = "must be true or false";
  return false;
}

/** The shop's threads changed inside the window: lastUpdateDate, to the second, both ends included. */
function inWindow(call: RmsCall, window: { from: Date; to: Date }, noMerchantReply: boolean): MallInquiry[] {
  const hits: MallInquiry[] = [];
  for (const inquiry of call.state.inquiries.values()) {
    if (inquiry.shopId !== call.shop.shopId) continue;
    const second = Math.floor(inquiry.lastUpdateDate.getTime() / 1000) * 1000;
    if (second < window.from.getTime() || second > window.to.getTime()) continue;
    if (noMerchantReply && !awaitsMerchant(inquiry)) continue;
    hits.push(inquiry);
  }
  return hits;
}

function count(call: RmsCall): Reply {
  const targets: Targets = {};
  const window = readWindow(call.query, targets);
  const noMerchantReply = readFlag(call.query, targets);
  if (!window || Object.keys(targets).length > 0) return badParameter(targets);
  return json(200, { result: { count: inWindow(call, window, noMerchantReply).length } });
}

function list(call: RmsCall): Reply {
  const targets: Targets = {};
  const window = readWindow(call.query, targets);
  const limit = readInt(call.query, "limit", 10, MAX_LIMIT, targets);
  const page = readInt(call.query, "page", 1, MAX_PAGE, targets);
  const noMerchantReply = readFlag(call.query, targets);
  if (!window || Object.keys(targets).length > 0) return badParameter(targets);
  if (limit * page > MAX_REACH) return inquiryError(400, "IE000", "400 Bad Request");
  // Newest 問い合わせ日時 first, as the doc says; the serial breaks ties between threads of one second.
  const serial = (i: MallInquiry) => Number(/-(\d+)t$/.exec(i.inquiryNumber)?.[1] ?? 0);
  const hits = inWindow(call, window, noMerchantReply).sort(
    (a, b) => b.regDate.getTime() - a.regDate.getTime() || serial(b) - serial(a),
  );
  const from = (page - 1) * limit;
  return json(200, {
    totalCount: hits.length,
    totalPageCount: Math.ceil(hits.length / limit),
    page,
    list: hits.slice(from, from + limit).map(presentInquiry),
  });
}

function getOne(call: RmsCall): Reply {
  const inquiryNumber = call.params.inquiryNumber ?? "";
  if (!INQUIRY_NUMBER.test(inquiryNumber)) {
    return badParameter({ inquiryNumber: 'must match "^[0-9a-zA-Z-]{1,40}$"' });
  }
  const inquiry = shopInquiry(call.state, call.shop, inquiryNumber);
  return inquiry ? json(200, { result: presentInquiry(inquiry) }) : notFound();
}

/** Why RMS would refuse this message, or undefined: length, line length, links off Rakuten's hosts. */
function messageProblem(message: unknown): string | undefined {
  if (message === undefined || message === null) return "must not be null";
  if (typeof message !== "string" || message.length < 1 || message.length > MAX_MESSAGE) {
    return `size must be between 1 and ${MAX_MESSAGE}`;
  }
  if (message.split(/\r?\n/).some((line) => line.length > MAX_LINE)) {
    return `each line must be at most ${MAX_LINE} characters`;
  }
  for (const url of message.match(/https?:\/\/[^\s"'<>]+/g) ?? []) {
    const host = URL.canParse(url) ? new URL(url).hostname : "";
    const allowed = LINKABLE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
    if (!url.startsWith("https://") || !allowed) return `a link must be https on a Rakuten domain: ${url}`;
  }
  return undefined;
}

function readAttachments(value: unknown, targets: Targets): InquiryAttachment[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > 1) {
    targets.attachments = "size must be between 0 and 1";
    return [];
  }
  return value.flatMap((a: Record<string, unknown> | null, i) => {
    const { label, path } = a ?? {};
    if (typeof label !== "string" || label.length < 1 || label.length > 100) {
      targets[`attachments[${i}].label`] = "size must be between 1 and 100";
    }
    if (typeof path !== "string" || path.length < 1 || path.length > 1000) {
      targets[`attachments[${i}].path`] = "size must be between 1 and 1000";
    }
    return typeof label === "string" && typeof path === "string" ? [{ label, path }] : [];
  });
}

function reply(call: RmsCall): Reply {
  const { inquiryNumber, shopId, message } = call.body;
  const targets: Targets = {};
  if (typeof inquiryNumber !== "string" || !INQUIRY_NUMBER.test(inquiryNumber)) {
    targets.inquiryNumber = 'must match "^[0-9a-zA-Z-]{1,40}$"';
  }
  if (shopId === undefined || shopId === null) targets.shopId = "must not be null";
  else if (String(shopId) !== call.shop.shopId) targets.shopId = "does not match the shop of the credentials";
  const problem = messageProblem(message);
  if (problem) targets.message = problem;
  const attachments = readAttachments(call.body.attachments, targets);
  if (Object.keys(targets).length > 0) return badParameter(targets);
  const inquiry = shopInquiry(call.state, call.shop, inquiryNumber as string);
  if (!inquiry) return notFound();
  const added = addReply(inquiry, "merchant", message as string, attachments, call.now);
  const { id: _id, isMessageDeleted: _deleted, ...shown } = presentReply(added);
  return json(201, { result: { inquiryNumber: inquiry.inquiryNumber, ...shown } });
}

/** 既読 / 完了 / 未完了 for up to 20 threads, each answered on its own (ok or error). */
const mark =
  (flag: InquiryFlag) =>
  (call: RmsCall): Reply => {
    const numbers = call.body.inquiryNumbers;
    if (!Array.isArray(numbers) || numbers.length < 1 || numbers.length > MAX_MARK) {
      return badParameter({ inquiryNumbers: `size must be between 1 and ${MAX_MARK}` });
    }
    if (numbers.some((n) => typeof n !== "string" || n.trim() === "")) {
      return badParameter({ "inquiryNumbers[]": "must not be blank" });
    }
    if (numbers.some((n) => !/^[0-9a-zA-Z-]+$/.test(n))) {
      return badParameter({ "inquiryNumbers[]": 'must match "^[0-9a-zA-Z-]+$"' });
    }
    const ok: string[] = [];
    const error: { inquiryNumber: string; errorMessage: string }[] = [];
    for (const inquiryNumber of numbers as string[]) {
      const inquiry = shopInquiry(call.state, call.shop, inquiryNumber);
      if (!inquiry) error.push({ inquiryNumber, errorMessage: "not found." });
      else if (!setFlag(inquiry, flag, call.now)) {
        error.push({ inquiryNumber, errorMessage: "already set value as specified" });
      } else ok.push(inquiryNumber);
    }
    return json(200, { result: { ok, error } });
  };

export const inquiryFunctions: RmsFunctionRoute[] = [
  { method: "GET", pattern: `${BASE}/inquiries/count`, handler: count },
  { method: "GET", pattern: `${BASE}/inquiries`, handler: list },
  { method: "POST", pattern: `${BASE}/inquiry/reply`, handler: reply },
  { method: "GET", pattern: `${BASE}/inquiry/:inquiryNumber`, handler: getOne },
  { method: "PATCH", pattern: `${BASE}/inquiries/read`, handler: mark("read") },
  { method: "PATCH", pattern: `${BASE}/inquiries/complete`, handler: mark("complete") },
  { method: "PATCH", pattern: `${BASE}/inquiries/incomplete`, handler: mark("incomplete") },
];
