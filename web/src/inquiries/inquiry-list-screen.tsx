import { useMemo, useState } from "react";
import { query } from "../api/client.ts";
import type { InquiryPage } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { dateTime } from "../format.ts";
import { useCan } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { Link, navigate, useLocation } from "../shell/router.tsx";
import { CursorPager } from "../ui/cursor-pager.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { InquiryImportButton } from "./inquiry-import-button.tsx";
import {
  ActionBadges,
  INQUIRY_TABS,
  inquiriesHref,
  inquiryHref,
  inquiryStateOf,
  ReplyBadge,
} from "./inquiry-words.tsx";

const PAGE_SIZE = 50;
/** As often as 要対応: a buyer's cancel request should show within the minute. */
export const INQUIRY_REFRESH_MS = 30_000;

/** 問い合わせ: the buyers' R-Messe threads (`?state=&shop=&cursor=`), newest first. */
export function InquiryListScreen() {
  const canWrite = useCan("inquiries:write");
  const { shops, vocabulary } = useReference();
  const { search } = useLocation();
  const state = inquiryStateOf(search.get("state"));
  const shop = search.get("shop") ?? "";
  const cursor = search.get("cursor") ?? "";
  // The cursors behind this page, so ← 前へ goes back the way it came.
  const [previous, setPrevious] = useState<string[]>([]);
  const path = useMemo(
    () => `/api/inquiries${query({ state, shopId: shop, limit: PAGE_SIZE, cursor })}`,
    [state, shop, cursor],
  );
  const list = useApi<InquiryPage>(path, INQUIRY_REFRESH_MS);
  const page = list.data;
  const withInquiries = new Set(
    vocabulary.channels.filter((c) => c.capabilities.inquiries).map((c) => c.code),
  );
  const inquiryShops = shops.filter((s) => withInquiries.has(s.channel));
  const filterTo = (next: { state?: typeof state; shop?: string }) => {
    setPrevious([]);
    navigate(inquiriesHref({ state, shop, ...next }));
  };
  const goTo = (next: string, back: boolean) => {
    setPrevious(back ? previous.slice(0, -1) : [...previous, cursor]);
    navigate(inquiriesHref({ state, shop, cursor: next }));
  };

  return (
    <section className="screen inquiries" aria-busy={list.loading}>
      <header className="screen-header">
        <h1>問い合わせ</h1>
        <p className="muted">
          購入者からの問い合わせ(R-Messe)。30秒ごとに自動で更新します
          {list.error && page && "(更新できませんでした。前の内容を表示しています)"}
        </p>
      </header>
      <nav className="status-tabs" aria-label="問い合わせの絞り込み">
        {INQUIRY_TABS.map((tab) => (
          <Link
            key={tab.state}
            to={inquiriesHref({ state: tab.state, shop })}
            onClick={() => setPrevious([])}
            className={`status-tab inquiry-tab-${tab.state}`}
            aria-current={state === tab.state ? "page" : undefined}
          >
            <span className="status-tab-label">{tab.label}</span>
          </Link>
        ))}
      </nav>
      <div className="filters-row">
        <label className="inline-field">
          <span className="field-label">ショップ</span>
          <select aria-label="ショップ" value={shop} onChange={(e) => filterTo({ shop: e.target.value })}>
            <option value="">すべて</option>
            {inquiryShops.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {shop && canWrite && <InquiryImportButton key={shop} shopId={shop} onImported={list.reload} />}
      </div>
      {!page && <ErrorNotice error={list.error} />}
      {!page ? (
        !list.error && <Loading />
      ) : page.items.length === 0 ? (
        <Empty>該当する問い合わせはありません。</Empty>
      ) : (
        <div className={list.loading ? "is-reloading" : undefined}>
          <InquiryTable items={page.items} />
          <CursorPager cursor={cursor} previous={previous} nextCursor={page.nextCursor} goTo={goTo} />
        </div>
      )}
    </section>
  );
}

function InquiryTable({ items }: { items: InquiryPage["items"] }) {
  return (
    <div className="table-wrap">
      <table className="table inquiry-table">
        <thead>
          <tr>
            <th>受信日時</th>
            <th>ショップ</th>
            <th>購入者</th>
            <th>内容</th>
            <th>注文番号</th>
            <th>対応</th>
            <th>返信</th>
          </tr>
        </thead>
        <tbody>
          {items.map((q) => (
            <tr
              key={q.id}
              data-inquiry={q.inquiryNumber}
              className={q.read ? "inquiry-row" : "inquiry-row inquiry-unread"}
            >
              <td className="nowrap">
                <time dateTime={q.receivedAt}>{dateTime(q.receivedAt)}</time>
              </td>
              <td>{q.shopName}</td>
              <td className="nowrap">{q.buyerName}</td>
              <td className="inquiry-words">
                <Link to={inquiryHref(q.id)}>{firstWords(q.message)}</Link>
                {q.category && <div className="muted">{q.category}</div>}
              </td>
              <td>
                {q.orderId ? (
                  <Link to={`/orders/${q.orderId}`} className="order-link">
                    {q.mallOrderNumber}
                  </Link>
                ) : (
                  <span className="muted">{q.mallOrderNumber ?? "注文なし"}</span>
                )}
              </td>
              <td>
                <ActionBadges inquiry={q} />
                {q.completed && <span className="badge badge-ok">対応済み</span>}
                {q.actionNote && <div className="muted">{q.actionNote}</div>}
              </td>
              <td>
                <ReplyBadge inquiry={q} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const FIRST_WORDS = 60;

/** The start of the buyer's message on one line: enough to tell the threads apart. */
function firstWords(message: string): string {
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > FIRST_WORDS ? `${line.slice(0, FIRST_WORDS)}…` : line || "(本文なし)";
}
