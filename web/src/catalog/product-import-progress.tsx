import { useEffect, useState } from "react";
import { download, query } from "../api/client.ts";
import type { ProductImportRow, ProductImportRowPage, ProductImportRun } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count } from "../format.ts";
import { ErrorNotice, Loading } from "../ui/states.tsx";

const OUTCOMES: Record<ProductImportRow["outcome"], string> = {
  created: "商品登録",
  updated: "商品名更新",
  mapped: "マッピング登録",
  unchanged: "登録済み(変更なし)",
  skipped: "スキップ",
  failed: "エラー",
};
const STATUS: Record<ProductImportRun["status"], string> = {
  uploading: "アップロード中",
  queued: "開始待ち",
  running: "取込中",
  succeeded: "完了",
  failed: "失敗",
};
const MODES: Record<ProductImportRun["mode"], string> = {
  master: "商品マスタとして取込",
  map: "既存の商品にマッピング",
};

/** One run's progress while it goes (polled each second), then its per-line report. */
export function ProductImportProgress({ runId }: { runId: string }) {
  const [done, setDone] = useState(false);
  const run = useApi<ProductImportRun>(`/api/product-imports/${runId}`, done ? undefined : 1000);
  const status = run.data?.status;
  useEffect(() => {
    if (status === "succeeded" || status === "failed") setDone(true);
  }, [status]);
  if (!run.data) return run.error ? <ErrorNotice error={run.error} /> : <Loading />;
  const r = run.data;
  const percent = r.totalBytes > 0 ? Math.floor((r.bytesRead / r.totalBytes) * 100) : 0;
  return (
    <section aria-label="取込結果" className="card">
      <div
        className={r.status === "failed" || r.failed > 0 ? "notice notice-error" : "notice notice-ok"}
        role="status"
      >
        <strong>
          {r.fileName ?? "商品CSV"}({MODES[r.mode]}): {STATUS[r.status]}
        </strong>
        <p>
          <progress max={100} value={percent} aria-label="進捗" /> {percent}% ・ {count(r.rowsRead)}行 ・
          商品登録 {count(r.created)}件 ・ 商品名更新 {count(r.updated)}件 ・ マッピング登録 {count(r.mapped)}
          件 ・ 変更なし {count(r.unchanged)}件 ・ スキップ {count(r.skipped)}件 ・ エラー {count(r.failed)}件
        </p>
        {r.error && <p>{r.error}</p>}
      </div>
      {done && <RunRows runId={runId} />}
    </section>
  );
}

function RunRows({ runId }: { runId: string }) {
  const [outcome, setOutcome] = useState("");
  const [cursor, setCursor] = useState<string>();
  const rows = useApi<ProductImportRowPage>(
    `/api/product-imports/${runId}/rows${query({ outcome, cursor, limit: 100 })}`,
  );
  return (
    <>
      <div className="action-row">
        <select
          aria-label="結果で絞り込み"
          value={outcome}
          onChange={(e) => {
            setOutcome(e.target.value);
            setCursor(undefined);
          }}
        >
          <option value="">すべての行</option>
          {Object.entries(OUTCOMES).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          onClick={() => void download("GET", `/api/product-imports/${runId}/report.csv`)}
        >
          結果をCSVでダウンロード
        </button>
      </div>
      <ErrorNotice error={rows.error} />
      {rows.data && (
        <div className="table-wrap">
          <table className="table product-import-report">
            <thead>
              <tr>
                <th className="num">行</th>
                <th>SKU</th>
                <th>モール商品コード</th>
                <th>結果</th>
                <th>項目</th>
                <th>内容</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.items.map((row) => (
                <tr key={row.line} data-line={row.line} className={`outcome-${row.outcome}`}>
                  <td className="num">{row.line}</td>
                  <td>{row.sku ?? "—"}</td>
                  <td>
                    {row.mallItemCode ?? "—"}
                    {row.mallSkuCode ? <small> / {row.mallSkuCode.replaceAll("\n", " ")}</small> : null}
                  </td>
                  <td>
                    <span className={`badge outcome-badge-${row.outcome}`}>{OUTCOMES[row.outcome]}</span>
                  </td>
                  <td>{row.fieldLabel ?? ""}</td>
                  <td>{row.message ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.data.nextCursor && (
            <button
              type="button"
              className="button"
              onClick={() => setCursor(rows.data?.nextCursor ?? undefined)}
            >
              次の100行
            </button>
          )}
        </div>
      )}
    </>
  );
}
