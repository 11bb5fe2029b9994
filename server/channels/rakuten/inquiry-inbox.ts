import type { InquiryChanges, InquiryInbox, MallInquiry } from "#server/ports/channel.ts";
import { MallError } from "#server/ports/mall.ts";
import { chunks, rateLimited } from "./client.ts";
import { toRmsLocalDatetime } from "./datetime.ts";
import { importWindow } from "./import-window.ts";
import { type RmsInquiry, toMallInquiry } from "./inquiry-mapping.ts";
import { type RakutenCredentials, type RmsMethod, rmsHttp } from "./rms-http.ts";

/**
 * R-Messe over RMS 問い合わせ管理API. No change feed here either: each fetch lists the threads whose
 * last update falls in a window that overlaps the last one (the sandbox's reading of the list's date
 * filter, README), 100 a page. The cursor is the end of the last window fully saved (ISO).
 */

const BASE = "/es/1.0/inquirymng-api";
const PAGE_SIZE = 100;
/** limit × page may not pass 10,000: a window holding more is narrowed until it fits. */
const REACHABLE = 10_000;
/** The API refuses windows of 31 days or more (its doc reads both ways): 30 stays clear of the edge. */
const MAX_WINDOW_MS = 30 * 24 * 3_600_000;
const MARKS_PER_CALL = 20;
/** A list that moves while it is paged is read again from page 1, this many times at most. */
const PAGING_TRIES = 3;

type ListPage = { totalCount: number; totalPageCount: number; list: RmsInquiry[] };
type InquiryErrorBody = { error?: { code?: string; message?: string; targets?: Record<string, string> } };
type MarkResult = { result?: { ok?: string[]; error?: { inquiryNumber: string; errorMessage: string }[] } };

export type RakutenInquiryOptions = {
  baseUrl: string;
  credentials: RakutenCredentials;
  timeoutMs?: number;
};

const FLAG_LABELS = { read: "既読", complete: "対応完了", incomplete: "未完了" } as const;

export function createRakutenInquiryInbox(options: RakutenInquiryOptions): InquiryInbox {
  const call = rmsHttp(options.baseUrl, options.credentials, options.timeoutMs ?? 30_000);
  /** The shop's RMS id, which a reply must name: learnt from the first thread read. */
  let shopId: string | undefined;

  /** One call; an answer of 400 or more is the API refusing it (never retried: it would refuse again). */
  async function request(
    path: string,
    method: RmsMethod,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const { status, json } = await call(`${BASE}/${path}`, body, method);
    if (status === 429) throw rateLimited(path);
    return { status, json };
  }

  function refused(name: string, status: number, json: unknown): MallError {
    const error = (json as InquiryErrorBody | null)?.error;
    const targets = Object.entries(error?.targets ?? {})
      .map(([field, rule]) => `${field}: ${rule}`)
      .join(" / ");
    const said = `${error?.code ?? `HTTP ${status}`} ${error?.message ?? ""}${targets ? ` (${targets})` : ""}`;
    return new MallError(
      error?.code ? `rakuten.${error.code}` : `rakuten.http_${status}`,
      `楽天RMSが ${name} を受け付けませんでした: ${said.trim()}`,
      { retryable: false },
    );
  }

  function learn(rms: RmsInquiry): RmsInquiry {
    if (rms.shopId !== undefined) shopId = String(rms.shopId);
    return rms;
  }

  async function readThread(inquiryNumber: string): Promise<RmsInquiry | null> {
    const { status, json } = await request(`inquiry/${encodeURIComponent(inquiryNumber)}`, "GET");
    // The API's own 404 (an `error` body) is an unknown thread; the gateway's (`Results`) a wrong URL.
    if (status === 404 && (json as InquiryErrorBody | null)?.error) return null;
    if (status >= 400) throw refused("inquiry.get", status, json);
    return learn((json as { result: RmsInquiry }).result);
  }

  async function listPage(window: { from: Date; to: Date }, page: number): Promise<ListPage> {
    const query = new URLSearchParams({
      fromDate: toRmsLocalDatetime(window.from),
      toDate: toRmsLocalDatetime(window.to),
      limit: String(PAGE_SIZE),
      page: String(page),
    });
    const { status, json } = await request(`inquiries?${query}`, "GET");
    if (status >= 400) throw refused("inquiries.get", status, json);
    const body = json as Partial<ListPage> | null;
    return {
      totalCount: body?.totalCount ?? 0,
      totalPageCount: body?.totalPageCount ?? 0,
      list: (body?.list ?? []).map(learn),
    };
  }

  /** The list carries each thread's replies; one that came without them is read on its own. */
  async function complete(list: readonly RmsInquiry[]): Promise<MallInquiry[]> {
    const threads: MallInquiry[] = [];
    for (const item of list) {
      const rms = Array.isArray(item.replies) ? item : await readThread(item.inquiryNumber);
      if (rms) threads.push(toMallInquiry(rms));
    }
    return threads;
  }

  async function* pagesOf(window: { from: Date; to: Date }, first: ListPage): AsyncIterable<MallInquiry[]> {
    let page = first;
    let number = 1;
    for (let tries = 1; ; ) {
      yield await complete(page.list);
      if (number >= page.totalPageCount) return;
      const next = await listPage(window, number + 1);
      if (next.totalCount === page.totalCount) {
        page = next;
        number += 1;
        continue;
      }
      // A thread updated meanwhile left the window and shifted the later pages: one could be
      // skipped, so the window is read again from the start (threads seen twice settle by number).
      if (tries++ >= PAGING_TRIES) {
        throw new MallError(
          "rakuten.inquiries_moving",
          "楽天RMSの問い合わせ一覧が読み取り中に変わり続けました",
          {
            retryable: true,
          },
        );
      }
      page = await listPage(window, 1);
      number = 1;
    }
  }

  async function mark(flag: keyof typeof FLAG_LABELS, inquiryNumbers: readonly string[]): Promise<void> {
    const failed: string[] = [];
    for (const chunk of chunks(inquiryNumbers, MARKS_PER_CALL)) {
      const { status, json } = await request(`inquiries/${flag}`, "PATCH", { inquiryNumbers: chunk });
      if (status >= 400) throw refused(`inquiries/${flag}`, status, json);
      // Already so is done: a retry after a lost answer meets exactly that.
      for (const e of (json as MarkResult | null)?.result?.error ?? []) {
        if (e.errorMessage !== "already set value as specified")
          failed.push(`${e.inquiryNumber}: ${e.errorMessage}`);
      }
    }
    if (failed.length > 0) {
      throw new MallError(
        "rakuten.inquiry_refused",
        `楽天RMSが問い合わせの${FLAG_LABELS[flag]}を受け付けませんでした: ${failed.join(" / ")}`,
        { retryable: false },
      );
    }
  }

  return {
    async fetchChanges(cursor, { now, pollMinutes }): Promise<InquiryChanges> {
      let window = importWindow(
        cursor === null ? null : new Date(cursor),
        now,
        {
          intervalMinutes: pollMinutes,
          overlapMinutes: Math.max(5, pollMinutes * 2),
          firstLookbackHours: 24,
        },
        MAX_WINDOW_MS,
      );
      let first = await listPage(window, 1);
      // More than the API lets one window show: the window ends earlier and the next poll goes on.
      while (first.totalCount > REACHABLE && window.to.getTime() - window.from.getTime() > 1000) {
        window = { from: window.from, to: new Date((window.from.getTime() + window.to.getTime()) / 2) };
        first = await listPage(window, 1);
      }
      return {
        window,
        found: first.totalCount,
        pages: pagesOf(window, first),
        cursor: window.to.toISOString(),
      };
    },

    async getInquiry(inquiryNumber) {
      const rms = await readThread(inquiryNumber);
      return rms && toMallInquiry(rms);
    },

    async reply({ inquiryNumber, message }) {
      const shop = shopId ?? (await readThread(inquiryNumber))?.shopId;
      if (shop === undefined) {
        throw new MallError(
          "rakuten.inquiry_not_found",
          `楽天RMSに問い合わせ ${inquiryNumber} がありません`,
          {
            retryable: false,
          },
        );
      }
      const { status, json } = await request("inquiry/reply", "POST", {
        inquiryNumber,
        shopId: String(shop),
        message,
      });
      if (status >= 400) throw refused("inquiry/reply", status, json);
    },

    markRead: (inquiryNumbers) => mark("read", inquiryNumbers),
    setCompleted: (inquiryNumbers, completed) => mark(completed ? "complete" : "incomplete", inquiryNumbers),
  };
}
