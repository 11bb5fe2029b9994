import { type FormEvent, useState } from "react";
import { ApiError, download, upload } from "../api/client.ts";
import type { Answer, Row } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count, yen } from "../format.ts";
import { Can } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { Link } from "../shell/router.tsx";
import { Field } from "../ui/field.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";

type Entry = Row<"/api/shops/{id}/option-surcharges">;
type Report = Answer<"/api/shops/{id}/option-surcharges.csv", "post">;

const OUTCOME_LABELS: Record<Report["rows"][number]["outcome"], string> = {
  set: "登録・変更",
  removed: "削除",
  error: "エラー",
};

/**
 * オプション金額表: each shop's 項目選択肢 with a price add-on, for choices whose words carry no amount
 * (「名入れ:あり」). Edited as a Shift_JIS CSV: download, change in Excel, upload; a per-row report.
 */
export function OptionSurchargesScreen() {
  const { shops } = useReference();
  const [shopId, setShopId] = useState(shops[0]?.id ?? "");
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>オプション金額表</h1>
        {shops.length > 0 && (
          <label className="inline-field">
            <span className="field-label">ショップ</span>
            <select aria-label="ショップ" value={shopId} onChange={(e) => setShopId(e.target.value)}>
              {shops.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}({s.channelLabel})
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <p className="field-hint">
        項目選択肢の加算額(1個あたり・税込)。選択肢の文言に「(+330円)」のような金額があればそれを使い、ない選択肢にこの表の金額を使います。
        商品管理番号が空の行はショップの全商品に使います。
      </p>
      {shopId ? (
        <ShopTable key={shopId} shopId={shopId} />
      ) : (
        <Empty>
          ショップがありません。<Link to="/shops">ショップ設定</Link>で追加してください。
        </Empty>
      )}
    </section>
  );
}

function ShopTable({ shopId }: { shopId: string }) {
  const list = useApi<{ items: Entry[]; truncated: boolean }>(`/api/shops/${shopId}/option-surcharges`);
  const [report, setReport] = useState<Report>();
  return (
    <>
      <div className="action-row">
        <button
          type="button"
          className="button"
          onClick={() => void download("GET", `/api/shops/${shopId}/option-surcharges.csv`)}
        >
          CSVをダウンロード
        </button>
      </div>
      <Can permission="catalog:write">
        <UploadForm
          shopId={shopId}
          onDone={(r) => {
            setReport(r);
            list.reload();
          }}
        />
      </Can>
      {report && <UploadReport report={report} />}
      {!list.data ? (
        list.error ? (
          <ErrorNotice error={list.error} />
        ) : (
          <Loading />
        )
      ) : list.data.items.length === 0 ? (
        <Empty>まだ登録がありません。CSVで登録してください。</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="オプション金額">
            <thead>
              <tr>
                <th>商品管理番号</th>
                <th>項目名</th>
                <th>選択肢</th>
                <th className="num">金額</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((e) => (
                <tr key={`${e.mallItemCode}\u0000${e.name}\u0000${e.choice}`}>
                  <td>
                    {e.mallItemCode ? <code>{e.mallItemCode}</code> : <span className="muted">全商品</span>}
                  </td>
                  <td>{e.name}</td>
                  <td>{e.choice}</td>
                  <td className="num">{yen(e.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.truncated && <p className="field-hint">1,000件を超えた分はCSVでご確認ください。</p>}
        </div>
      )}
    </>
  );
}

function UploadForm({ shopId, onDone }: { shopId: string; onDone: (report: Report) => void }) {
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      onDone(await upload<Report>(`/api/shops/${shopId}/option-surcharges.csv`, file, "text/csv"));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="card settings-form"
      onSubmit={(e) => void submit(e)}
      aria-label="オプション金額表CSVの取込"
    >
      <Field label="CSVファイル" path="file" error={error}>
        <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0])} />
      </Field>
      <p className="field-hint">
        見出し:
        商品管理番号,項目名,選択肢,金額(Shift_JIS・UTF-8どちらも可)。同じ行は金額を変更し、金額が空の行は削除します。
      </p>
      <div className="action-row">
        <button type="submit" className="button button-primary" disabled={busy || !file}>
          {busy ? "取込中…" : "取り込む"}
        </button>
      </div>
      <ErrorNotice error={error} title="取り込めませんでした" />
    </form>
  );
}

function UploadReport({ report }: { report: Report }) {
  return (
    <section aria-label="取込結果">
      <div className={report.failed > 0 ? "notice notice-error" : "notice notice-ok"} role="status">
        <strong>取込が終わりました</strong>
        <p>
          登録・変更 {count(report.set)}件・削除 {count(report.removed)}件・エラー {count(report.failed)}件
          {report.released > 0 && `。請求金額が一致した ${count(report.released)}件の注文の保留を外しました`}
        </p>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th className="num">行</th>
              <th>結果</th>
              <th>内容</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.line} data-line={r.line}>
                <td className="num">{r.line}</td>
                <td>
                  <span className={`badge outcome-badge-${r.outcome}`}>{OUTCOME_LABELS[r.outcome]}</span>
                </td>
                <td>{r.problems.map((p) => `${p.field}: ${p.message}`).join(" / ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
