import { type FormEvent, useEffect, useState } from "react";
import { ApiError, download, query, upload } from "../api/client.ts";
import type { CsvImportRow, CsvImportRowPage, CsvImportRun, CsvOrderProfile } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count } from "../format.ts";
import { useReference } from "../shell/reference-data.tsx";
import { Link, navigate, useLocation } from "../shell/router.tsx";
import { Field } from "../ui/field.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";

const OUTCOMES: Record<CsvImportRow["outcome"], string> = {
  created: "登録",
  unchanged: "登録済み(変更なし)",
  skipped: "スキップ",
  failed: "エラー",
};
const STATUS: Record<CsvImportRun["status"], string> = {
  uploading: "アップロード中",
  queued: "開始待ち",
  running: "取込中",
  succeeded: "完了",
  failed: "失敗",
};

/** CSV受注取込: upload a cart's order export through a profile, watch it run, read each line's outcome. */
export function CsvImportScreen() {
  const { search } = useLocation();
  const runId = search.get("run");
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>CSV受注取込</h1>
        <div className="action-row">
          <Link to="/orders/csv-profiles" className="button">
            取込設定(列の対応)
          </Link>
          <button
            type="button"
            className="button"
            onClick={() => void download("GET", "/api/csv-order-template.csv")}
          >
            Juchu標準テンプレートをダウンロード
          </button>
        </div>
      </header>
      <UploadForm />
      {runId && <RunProgress key={runId} runId={runId} />}
    </section>
  );
}

function UploadForm() {
  const { shops } = useReference();
  const profiles = useApi<{ items: CsvOrderProfile[] }>("/api/csv-order-profiles");
  const csvShops = [...shops].sort((a, b) => Number(b.channel === "csv") - Number(a.channel === "csv"));
  const [shopId, setShopId] = useState(csvShops[0]?.id ?? "");
  const [chosenProfile, setProfileId] = useState<string>();
  const profileId = chosenProfile ?? profiles.data?.items[0]?.id ?? "";
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const path = `/api/csv-imports${query({ shopId, profileId, fileName: file.name })}`;
      const run = await upload<CsvImportRun>(path, file, "text/csv");
      navigate(`/orders/csv-import?run=${run.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };

  if (shops.length === 0)
    return (
      <Empty>
        ショップがありません。<Link to="/shops">ショップ設定</Link>
        でチャネル「CSV取込」のショップを作ってください。
      </Empty>
    );
  if (!profiles.data) return profiles.error ? <ErrorNotice error={profiles.error} /> : <Loading />;
  return (
    <form className="card settings-form" onSubmit={(e) => void submit(e)} aria-label="受注CSVのアップロード">
      <Field label="ショップ" path="shopId" error={error}>
        <select value={shopId} onChange={(e) => setShopId(e.target.value)}>
          {csvShops.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="取込設定" path="profileId" error={error}>
        <select value={profileId} onChange={(e) => setProfileId(e.target.value)}>
          {profiles.data.items.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="CSVファイル"
        path="file"
        error={error}
        hint="Shift_JIS・UTF-8(BOM付き可)は自動で判定します。同じ注文番号の行は1つの注文になります。"
      >
        <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0])} />
      </Field>
      <div className="action-row">
        <button type="submit" className="button button-primary" disabled={busy || !file || !shopId}>
          {busy ? "アップロード中…" : "取り込む"}
        </button>
      </div>
      <ErrorNotice error={error} title="取り込めませんでした" />
    </form>
  );
}

function RunProgress({ runId }: { runId: string }) {
  const [done, setDone] = useState(false);
  const run = useApi<CsvImportRun>(`/api/csv-imports/${runId}`, done ? undefined : 1000);
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
          {r.fileName ?? "CSV"}({r.profileName}): {STATUS[r.status]}
        </strong>
        <p>
          <progress max={100} value={percent} aria-label="進捗" /> {percent}% ・ {count(r.rowsRead)}行 ・ 登録{" "}
          {count(r.created)}件 ・ 登録済み {count(r.unchanged)}件 ・ スキップ {count(r.skipped)}件 ・ エラー{" "}
          {count(r.failed)}件
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
  const rows = useApi<CsvImportRowPage>(
    `/api/csv-imports/${runId}/rows${query({ outcome, cursor, limit: 100 })}`,
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
          onClick={() => void download("GET", `/api/csv-imports/${runId}/report.csv`)}
        >
          結果をCSVでダウンロード
        </button>
      </div>
      {rows.data && (
        <div className="table-wrap">
          <table className="table csv-import-report">
            <thead>
              <tr>
                <th className="num">行</th>
                <th>注文番号</th>
                <th>結果</th>
                <th>項目</th>
                <th>内容</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.items.map((row) => (
                <tr key={row.line} data-line={row.line} className={`outcome-${row.outcome}`}>
                  <td className="num">{row.line}</td>
                  <td>
                    {row.orderId ? (
                      <Link to={`/orders/${row.orderId}`}>{row.orderNumber}</Link>
                    ) : (
                      (row.orderNumber ?? "—")
                    )}
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
