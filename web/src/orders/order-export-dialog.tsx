import { type FormEvent, useEffect, useState } from "react";
import { ApiError, api, download } from "../api/client.ts";
import type { Answer } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count } from "../format.ts";
import { Dialog } from "../ui/dialog.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { filterBody, type ListFilters } from "./list-query.ts";

type Recent = Answer<"/api/order-exports">;
type OrderExport = Answer<"/api/order-exports/{id}">;
type Encoding = OrderExport["encoding"];

/** How often the dialog asks how far the export job has got. */
const POLL_MS = 1_000;

/**
 * 受注CSV出力: pick columns (the last export's choice comes back), the encoding and BOM, then a job
 * writes the whole filter while this dialog shows its progress, and the file downloads when it is done.
 */
export function OrderExportDialog({ filters, onClose }: { filters: ListFilters; onClose: () => void }) {
  const recent = useApi<Recent>("/api/order-exports");
  const last = recent.data?.items[0];
  const [columns, setColumns] = useState<string[]>();
  const [encoding, setEncoding] = useState<Encoding>("shift_jis");
  const [bom, setBom] = useState(true);
  const [job, setJob] = useState<OrderExport>();
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    if (!recent.data || columns) return;
    setColumns(last?.columns ?? recent.data.defaultColumns);
    if (last) {
      setEncoding(last.encoding);
      setBom(last.bom);
    }
  }, [recent.data, last, columns]);

  const running = job && (job.status === "queued" || job.status === "running");
  useEffect(() => {
    if (!job || !running) return;
    const timer = setTimeout(async () => {
      try {
        const next = await api<OrderExport>("GET", `/api/order-exports/${job.id}`);
        setJob(next);
        if (next.downloadPath) await download("GET", next.downloadPath);
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError(0, null));
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, running]);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      setJob(
        await api<OrderExport>("POST", "/api/order-exports", {
          filter: filterBody(filters),
          columns,
          encoding,
          bom: encoding === "utf8" && bom,
        }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  const toggle = (key: string, on: boolean) =>
    setColumns((cs = []) => {
      const all = recent.data?.columns.map((c) => c.key) ?? [];
      const chosen = on ? [...cs, key] : cs.filter((c) => c !== key);
      return all.filter((k) => chosen.includes(k));
    });

  return (
    <Dialog title="受注CSV出力" onClose={onClose} wide>
      {!recent.data || !columns ? (
        <Loading />
      ) : job ? (
        <ExportProgress job={job} />
      ) : (
        <form onSubmit={start} className="export-form">
          <p>今の絞り込みに合う注文をすべて出力します(表示中のページだけではありません)。</p>
          <fieldset className="export-columns">
            <legend>出力する列</legend>
            {recent.data.columns.map((c) => (
              <label key={c.key} className="checkbox">
                <input
                  type="checkbox"
                  checked={columns.includes(c.key)}
                  onChange={(e) => toggle(c.key, e.target.checked)}
                />
                {c.label}
              </label>
            ))}
          </fieldset>
          <div className="filters-row">
            <label className="inline-field">
              文字コード
              <select value={encoding} onChange={(e) => setEncoding(e.target.value as Encoding)}>
                <option value="shift_jis">Shift_JIS(Excel・業務ソフト向け)</option>
                <option value="utf8">UTF-8</option>
              </select>
            </label>
            {encoding === "utf8" && (
              <label className="checkbox">
                <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
                BOMを付ける(Excelで文字化けしません)
              </label>
            )}
          </div>
          <ErrorNotice error={error} />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              やめる
            </button>
            <button type="submit" className="button button-primary" disabled={columns.length === 0}>
              出力する
            </button>
          </div>
        </form>
      )}
      {job && <ErrorNotice error={error} />}
    </Dialog>
  );
}

function ExportProgress({ job }: { job: OrderExport }) {
  const done = job.status === "succeeded";
  return (
    <div className="export-progress" aria-live="polite">
      <progress max={Math.max(job.total, 1)} value={done ? Math.max(job.total, 1) : job.rowsWritten} />
      <p>
        {done
          ? `${count(job.rowsWritten)}件を出力しました。ダウンロードが始まります。`
          : job.status === "failed"
            ? `出力できませんでした。${job.error ?? ""}`
            : `${count(job.rowsWritten)} / ${count(job.total)}件を出力中…`}
      </p>
      {done && job.replacedChars > 0 && (
        <p className="notice" role="note">
          Shift_JISで表せない文字 {count(job.replacedChars)}文字を「?」に置き換えました(
          {job.replacedColumns.map((c) => c.label).join("、")})。元の文字が必要ならUTF-8で出力してください。
        </p>
      )}
      {done && job.downloadPath && (
        <button type="button" className="button" onClick={() => download("GET", job.downloadPath ?? "")}>
          もう一度ダウンロード
        </button>
      )}
    </div>
  );
}
