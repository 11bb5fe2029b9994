import { useMemo } from "react";
import { query } from "../api/client.ts";
import type { MailList } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count } from "../format.ts";
import { useReference } from "../shell/reference-data.tsx";
import { navigate, useLocation } from "../shell/router.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { MailTable } from "./mail-table.tsx";

const PAGE_SIZE = 50;
const REFRESH_MS = 15_000;

const logHref = (status: string, page: number) =>
  `/mails${query({ status, page: page > 1 ? page : undefined })}`;

/** メールログ: every mail, sent or not, and why not (`?status=&page=`). */
export function MailLogScreen() {
  const { mailStatuses } = useReference().vocabulary;
  const { search } = useLocation();
  const status = search.get("status") ?? "";
  const page = Math.max(1, Number(search.get("page")) || 1);
  const path = useMemo(
    () => `/api/mails${query({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
    [status, page],
  );
  const list = useApi<MailList>(path, REFRESH_MS);
  const data = list.data;
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));

  return (
    <section className="screen" aria-busy={list.loading}>
      <header className="screen-header">
        <h1>メールログ</h1>
      </header>
      <div className="filters-row">
        <label className="inline-field">
          <span className="field-label">状態</span>
          <select aria-label="状態" value={status} onChange={(e) => navigate(logHref(e.target.value, 1))}>
            <option value="">すべて</option>
            {mailStatuses.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNotice error={list.error} />
      {!data ? (
        !list.error && <Loading />
      ) : data.items.length === 0 ? (
        <Empty>該当するメールはありません。</Empty>
      ) : (
        <div className={list.loading ? "is-reloading" : undefined}>
          <MailTable mails={data.items} onChanged={list.reload} />
          <nav className="pager" aria-label="ページ">
            <span>
              {count(data.total)}件中 {count((page - 1) * PAGE_SIZE + 1)}〜
              {count((page - 1) * PAGE_SIZE + data.items.length)}件
            </span>
            <button
              type="button"
              className="button"
              disabled={page <= 1}
              onClick={() => navigate(logHref(status, page - 1))}
            >
              ← 前へ
            </button>
            <button
              type="button"
              className="button"
              disabled={page >= pages}
              onClick={() => navigate(logHref(status, page + 1))}
            >
              次へ →
            </button>
          </nav>
        </div>
      )}
    </section>
  );
}
