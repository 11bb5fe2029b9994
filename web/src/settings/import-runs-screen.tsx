import { Fragment, useEffect, useState } from "react";
import { ApiError, api, query } from "../api/client.ts";
import type { ImportRun, ImportRunStatus, Shop } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count, dateTime, timeRange } from "../format.ts";
import { Can } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { Link, navigate, useLocation } from "../shell/router.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { CredentialWarning, isPolled } from "./mall-connection.tsx";

/** The API sends the run's status as a code only. */
const STATUS_LABELS: Record<ImportRunStatus, string> = {
  running: "実行中",
  succeeded: "成功",
  failed: "失敗",
  interrupted: "中断",
};
const RESULT_TITLES: Record<ImportRunStatus, string> = {
  running: "取込を実行中です",
  succeeded: "取込が終わりました",
  failed: "取込に失敗しました",
  interrupted: "取込が中断されました",
};
const PAGE = 50;
const MORE = 200;
/** A run in progress is watched closely; otherwise the log catches up with the scheduled polls. */
const RUNNING_REFRESH_MS = 3_000;
const IDLE_REFRESH_MS = 30_000;

const importsHref = (shopId: string, limit?: number) =>
  `/imports${query({ shop: shopId, limit: limit && limit !== PAGE ? limit : undefined })}`;

/** 取込ログ: one shop's import runs, newest first (`?shop=<id>&limit=`), and 今すぐ取込. */
export function ImportRunsScreen() {
  const { shops, vocabulary } = useReference();
  const { search } = useLocation();
  const connected = shops.filter((s) => isPolled(vocabulary, s.channel));
  const shopId = search.get("shop") ?? "";
  const shop = shops.find((s) => s.id === shopId);
  const limit = search.get("limit") === String(MORE) ? MORE : PAGE;

  // No shop chosen yet: the first one that imports, so the menu item opens straight onto a log.
  const first = connected[0]?.id;
  useEffect(() => {
    if (!shopId && first) navigate(importsHref(first), { replace: true });
  }, [shopId, first]);

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>取込ログ</h1>
        {connected.length > 0 && (
          <label className="inline-field">
            <span className="field-label">ショップ</span>
            <select
              aria-label="ショップ"
              value={shopId}
              onChange={(e) => navigate(importsHref(e.target.value))}
            >
              {!shop && <option value={shopId}>—</option>}
              {connected.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}({s.channelLabel})
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {connected.length === 0 ? (
        <Empty>
          モールから取り込むショップがありません。<Link to="/shops">ショップ設定</Link>で
          {vocabulary.channels
            .filter((c) => c.source === "poll")
            .map((c) => c.label)
            .join("・") || "モール"}
          のショップを追加してください。
        </Empty>
      ) : (
        shopId && <ShopRuns key={shopId} shopId={shopId} shop={shop} limit={limit} />
      )}
    </section>
  );
}

function ShopRuns({ shopId, shop, limit }: { shopId: string; shop: Shop | undefined; limit: number }) {
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<ImportRun>();
  const [error, setError] = useState<ApiError>();
  const [watch, setWatch] = useState(false);
  const runs = useApi<{ items: ImportRun[] }>(
    `/api/shops/${shopId}/import-runs${query({ limit })}`,
    watch || busy ? RUNNING_REFRESH_MS : IDLE_REFRESH_MS,
  );
  const items = runs.data?.items;
  const anyRunning = Boolean(items?.some((r) => r.status === "running"));
  useEffect(() => setWatch(anyRunning), [anyRunning]);

  const importNow = async () => {
    setBusy(true);
    setError(undefined);
    setLast(undefined);
    try {
      setLast(await api<ImportRun>("POST", `/api/shops/${shopId}/import`));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
      runs.reload();
    }
  };

  return (
    <div aria-busy={runs.loading || busy}>
      <div className="import-bar">
        {shop && (
          <p className="muted">
            自動取込{" "}
            {shop.settings.importEnabled ? `ON(${shop.settings.importIntervalMinutes}分ごと)` : "OFF"}
            {shop.settings.testImportMode && " ・ テスト取込中"} ・{" "}
            <Link to={`/shops?edit=${shop.id}`}>設定を変更</Link>
          </p>
        )}
        <Can permission="shops:write">
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void importNow()}
          >
            {busy ? "取込中…" : "今すぐ取込"}
          </button>
        </Can>
      </div>
      {shop && <CredentialWarning shop={shop} />}
      <ErrorNotice error={error} title="取込を始められませんでした" />
      {last && <RunResult run={last} />}
      <ErrorNotice error={runs.error} />
      {!items ? (
        !runs.error && <Loading />
      ) : items.length === 0 ? (
        <Empty>
          取込の記録はまだありません。「今すぐ取込」を押すか、ショップ設定で受注取込をONにしてください。
        </Empty>
      ) : (
        <RunTable runs={items} />
      )}
      {items && items.length >= limit && limit < MORE && (
        <nav className="pager" aria-label="取込ログの件数">
          <span>新しい{count(items.length)}件</span>
          <button type="button" className="button" onClick={() => navigate(importsHref(shopId, MORE))}>
            さらに表示({MORE}件まで)
          </button>
        </nav>
      )}
    </div>
  );
}

function RunResult({ run }: { run: ImportRun }) {
  const ok = run.status === "succeeded";
  return (
    <div className={ok ? "notice notice-ok" : "notice notice-error"} role={ok ? "status" : "alert"}>
      <strong>{RESULT_TITLES[run.status]}</strong>
      <p>
        確認した注文 {count(run.seen)}件(検索で見つかった注文 {count(run.found)}件と取込済みの注文の再確認):
        新規 {count(run.created)}件・更新 {count(run.updated)}件・変化なし {count(run.unchanged)}件・スキップ{" "}
        {count(run.skipped)}件・失敗 {count(run.failed)}件
      </p>
      {runErrors(run).map((e) => (
        <p key={`${e.code}:${e.message}`} className="run-result-reason">
          {e.message}
        </p>
      ))}
    </div>
  );
}

/** Errors of the run as a whole (no order number), e.g. the mall refused the credentials. */
const runErrors = (run: ImportRun) => run.errors.filter((e) => !e.mallOrderNumber);
const orderErrors = (run: ImportRun) => run.errors.filter((e) => e.mallOrderNumber);

/** Both ends stay whole; on a narrow screen the range wraps between them. */
function Window({ run }: { run: ImportRun }) {
  const [from, to] = timeRange(run.windowFrom, run.windowTo);
  return (
    <>
      <span className="nowrap">{from} 〜</span> <span className="nowrap">{to}</span>
    </>
  );
}

function RunTable({ runs }: { runs: ImportRun[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(open);
    next.has(id) ? next.delete(id) : next.add(id);
    setOpen(next);
  };
  return (
    <div className="table-wrap">
      <table className="table import-runs">
        <thead>
          <tr>
            <th>開始</th>
            <th>検索期間</th>
            <th>状態</th>
            <th className="num" title="検索で見つかった注文と、取込済みの注文の再確認">
              確認した
            </th>
            <th className="num">新規</th>
            <th className="num">更新</th>
            <th className="num">変化なし</th>
            <th className="num">スキップ</th>
            <th>注文のエラー</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const failures = orderErrors(run);
            const expanded = open.has(run.id);
            return (
              <Fragment key={run.id}>
                <tr data-run={run.id} className={`run-${run.status}`}>
                  <td className="nowrap">
                    <time dateTime={run.startedAt}>{dateTime(run.startedAt)}</time>
                  </td>
                  <td>
                    <Window run={run} />
                  </td>
                  <td>
                    <span className={`badge import-${run.status}`}>{STATUS_LABELS[run.status]}</span>
                    {run.testImport && <span className="badge badge-test">テスト取込</span>}
                    {runErrors(run).map((e) => (
                      <span key={`${e.code}:${e.message}`} className="run-reason">
                        {e.message}
                      </span>
                    ))}
                  </td>
                  <td className="num" title={`検索で見つかった注文 ${count(run.found)}件`}>
                    {count(run.seen)}
                  </td>
                  <td className="num">{count(run.created)}</td>
                  <td className="num">{count(run.updated)}</td>
                  <td className="num">{count(run.unchanged)}</td>
                  <td className="num">{count(run.skipped)}</td>
                  <td>
                    {failures.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <button
                        type="button"
                        className="button button-quiet run-errors-toggle"
                        aria-expanded={expanded}
                        aria-controls={`run-errors-${run.id}`}
                        onClick={() => toggle(run.id)}
                      >
                        {expanded ? "▾" : "▸"} {count(failures.length)}件
                      </button>
                    )}
                  </td>
                </tr>
                {expanded && (
                  <tr className="row-editor">
                    <td colSpan={9} id={`run-errors-${run.id}`}>
                      <ul className="run-errors">
                        {failures.map((e) => (
                          <li key={`${e.mallOrderNumber}:${e.code}:${e.message}`}>
                            <code>{e.mallOrderNumber}</code> {e.message}{" "}
                            <small className="rule-code">{e.code}</small>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
