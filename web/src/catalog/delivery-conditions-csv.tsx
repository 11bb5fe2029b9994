import { useRef, useState } from "react";
import { ApiError, download, upload } from "../api/client.ts";
import { Can } from "../session/can.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";

/**
 * 配送条件の一括編集: the Shift_JIS CSV of every product's conditions, edited in Excel and taken back.
 * One bad row takes back nothing: the table lists each row, column and rule to fix first.
 */
export function DeliveryConditionsCsv({ onImported }: { onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<ApiError>();
  const [updated, setUpdated] = useState<number>();
  const take = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setUpdated(undefined);
    try {
      const answer = await upload<{ updated: number }>("/api/delivery-conditions.csv", file, "text/csv");
      setUpdated(answer.updated);
      onImported();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      if (input.current) input.current.value = "";
    }
  };
  return (
    <details className="card">
      <summary>配送条件をCSVで一括編集</summary>
      <p className="hint">
        書き出したCSV(Shift_JIS)をExcelで直して取り込みます。物流会社・配送会社は名前で、時間帯は「午前中/14～16時」のように「/」で区切ります。空欄は
        ショップの倉庫・倉庫の既定・すべての時間帯、「なし」は時間帯指定不可です。
      </p>
      <div className="inline-group">
        <button
          type="button"
          className="button"
          onClick={() => void download("GET", "/api/delivery-conditions.csv").catch(setError)}
        >
          CSVを書き出す
        </button>
        <Can permission="catalog:write">
          <label className="button">
            CSVを取り込む
            <input
              ref={input}
              type="file"
              accept=".csv,text/csv"
              hidden
              aria-label="配送条件CSVを取り込む"
              onChange={(e) => void take(e.target.files?.[0])}
            />
          </label>
        </Can>
      </div>
      {error && error.errors.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <p>{error.detail}</p>
          <table className="table" aria-label="取り込めなかった行">
            <thead>
              <tr>
                <th>行・列</th>
                <th>内容</th>
                <th>ルール</th>
              </tr>
            </thead>
            <tbody>
              {error.errors.map((e) => (
                <tr key={`${e.path}:${e.rule}`}>
                  <td className="nowrap">{e.path}</td>
                  <td>{e.message}</td>
                  <td>
                    <code>{e.rule}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <ErrorNotice error={error} />
      )}
      {updated !== undefined && <Notice>{updated}件の商品の配送条件を取り込みました。</Notice>}
    </details>
  );
}
