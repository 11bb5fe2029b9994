import { type FormEvent, useEffect, useState } from "react";
import { ApiError, upload } from "../api/client.ts";
import type { TrackingImportProfile, TrackingImportReport } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count } from "../format.ts";
import { useReference } from "../shell/reference-data.tsx";
import { Link } from "../shell/router.tsx";
import { Field } from "../ui/field.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { ShippingNav } from "./shipping-nav.tsx";

const OUTCOME_LABELS: Record<TrackingImportReport["rows"][number]["outcome"], string> = {
  shipped: "出荷済",
  already_shipped: "出荷済み(変更なし)",
  error: "エラー",
};

/** 伝票番号取込: the carrier software's export marks the own stock room's shipments 出荷済. */
export function TrackingImportScreen() {
  const { warehouses } = useReference();
  const rooms = warehouses.filter((w) => w.capabilities.stockRoom);
  const [warehouseId, setWarehouseId] = useState(rooms[0]?.id ?? "");
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>伝票番号取込</h1>
      </header>
      <ShippingNav />
      {rooms.length === 0 ? (
        <Empty>
          自社倉庫がありません。<Link to="/warehouses">倉庫設定</Link>をご確認ください。
        </Empty>
      ) : (
        <>
          <label className="inline-field">
            <span className="field-label">倉庫</span>
            <select aria-label="倉庫" value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)}>
              {rooms.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
          {warehouseId && <ImportForm key={warehouseId} warehouseId={warehouseId} />}
        </>
      )}
    </section>
  );
}

function ImportForm({ warehouseId }: { warehouseId: string }) {
  const profiles = useApi<{ items: TrackingImportProfile[] }>(
    `/api/warehouses/${warehouseId}/tracking-import-profiles`,
  );
  const [profileId, setProfileId] = useState("");
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [report, setReport] = useState<TrackingImportReport>();
  const items = profiles.data?.items;
  const first = items?.[0]?.id;
  useEffect(() => {
    if (first) setProfileId((current) => current || first);
  }, [first]);
  const profile = items?.find((p) => p.id === profileId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !profileId) return;
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    try {
      const path = `/api/warehouses/${warehouseId}/tracking-imports?profile=${encodeURIComponent(profileId)}`;
      setReport(await upload<TrackingImportReport>(path, file, "text/csv"));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };

  if (!items) return profiles.error ? <ErrorNotice error={profiles.error} /> : <Loading />;
  return (
    <>
      <form className="card settings-form" onSubmit={(e) => void submit(e)} aria-label="伝票番号CSVの取込">
        <Field label="取込設定" path="profile" error={error}>
          <select value={profileId} onChange={(e) => setProfileId(e.target.value)}>
            {items.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        {profile && (
          <p className="field-hint">
            見出し:{" "}
            {[profile.slipNumberColumn, profile.trackingNumberColumn, profile.shippedOnColumn]
              .filter(Boolean)
              .join("、")}
            (Shift_JIS・UTF-8どちらも可)。同じ管理番号の行が複数あれば、複数口として1つの出荷に記録します。
          </p>
        )}
        <Field label="CSVファイル" path="file" error={error}>
          <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0])} />
        </Field>
        <div className="action-row">
          <button type="submit" className="button button-primary" disabled={busy || !file || !profileId}>
            {busy ? "取込中…" : "取り込む"}
          </button>
        </div>
      </form>
      <ErrorNotice error={error} title="取り込めませんでした" />
      {report && <ImportReport report={report} />}
    </>
  );
}

function ImportReport({ report }: { report: TrackingImportReport }) {
  return (
    <section aria-label="取込結果">
      <div className={report.failed > 0 ? "notice notice-error" : "notice notice-ok"} role="status">
        <strong>取込が終わりました</strong>
        <p>
          {count(report.rows.length)}行: 出荷済にした {count(report.shipped)}件・エラー {count(report.failed)}
          件
        </p>
      </div>
      <div className="table-wrap">
        <table className="table tracking-report">
          <thead>
            <tr>
              <th className="num">行</th>
              <th>出荷番号</th>
              <th>伝票番号</th>
              <th>結果</th>
              <th>メッセージ</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.line} className={`outcome-${r.outcome}`} data-line={r.line}>
                <td className="num">{r.line}</td>
                <td>{r.slipNumber ? <code>{r.slipNumber}</code> : "—"}</td>
                <td>{r.trackingNumber ?? "—"}</td>
                <td>
                  <span className={`badge outcome-badge-${r.outcome}`}>{OUTCOME_LABELS[r.outcome]}</span>
                </td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
