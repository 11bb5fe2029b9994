import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Answer, Shop } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { Can } from "../session/can.tsx";
import { ErrorNotice, Loading, Notice } from "../ui/states.tsx";

type Master = Answer<"/api/shops/{id}/masters">["items"][number];
type Row = { code: string; mallCode: string };

/**
 * マスタ管理 (楽天配送設定 and the channel's other masters): each table Juchu reads the mall's codes
 * through, Juchu's code on the left and the mall's on the right, edited and saved one table at a time.
 */
export function ShopMastersSection({ shop }: { shop: Shop }) {
  const masters = useApi<{ items: Master[] }>(`/api/shops/${shop.id}/masters`);
  if (masters.error) return <ErrorNotice error={masters.error} />;
  if (!masters.data) return <Loading />;
  if (masters.data.items.length === 0) return null;
  return (
    <section className="shop-masters" aria-labelledby={`masters-${shop.id}`}>
      <h3 id={`masters-${shop.id}`}>マスタ管理</h3>
      {masters.data.items.map((m) => (
        <MasterTable key={m.kind} shopId={shop.id} master={m} onSaved={masters.reload} />
      ))}
    </section>
  );
}

function MasterTable({ shopId, master, onSaved }: { shopId: string; master: Master; onSaved: () => void }) {
  const [rows, setRows] = useState<Row[]>(master.rows.map((r) => ({ code: r.code, mallCode: r.mallCode })));
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const mallLabel = (code: string) =>
    master.mallCodes.find((c) => c.code === code)?.label ?? "(モールの一覧にないコード)";
  const change = (i: number, next: Partial<Row>) => {
    setSaved(false);
    setRows(rows.map((r, j) => (j === i ? { ...r, ...next } : r)));
  };
  const save = async () => {
    setError(undefined);
    try {
      await api("PUT", `/api/shops/${shopId}/masters/${master.kind}`, { rows });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  const problem = (path: string) => error?.errors?.find((e) => e.path === path)?.message;
  return (
    <details className="master-table" open={master.edited}>
      <summary>
        {master.label}
        {master.edited ? "(ショップ独自)" : "(既定値)"}
      </summary>
      <table className="table" aria-label={`${master.label}のマスタ`}>
        <thead>
          <tr>
            <th>Juchuの{master.label}</th>
            <th>モールのコード</th>
            <th>モールでの名前</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; a row is its place in the table.
            <tr key={i}>
              <td>
                <select
                  aria-label={`${i + 1}行目のJuchuのコード`}
                  value={r.code}
                  onChange={(e) => change(i, { code: e.target.value })}
                >
                  {master.codes.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.label}({c.code})
                    </option>
                  ))}
                </select>
                {problem(`rows.${i}.code`) && (
                  <span className="field-error">{problem(`rows.${i}.code`)}</span>
                )}
              </td>
              <td>
                <input
                  aria-label={`${i + 1}行目のモールのコード`}
                  className="input-short"
                  value={r.mallCode}
                  onChange={(e) => change(i, { mallCode: e.target.value })}
                />
                {problem(`rows.${i}.mallCode`) && (
                  <span className="field-error">{problem(`rows.${i}.mallCode`)}</span>
                )}
              </td>
              <td>{mallLabel(r.mallCode)}</td>
              <td>
                <Can permission="shops:write">
                  <button
                    type="button"
                    className="button"
                    onClick={() => setRows(rows.filter((_, j) => j !== i))}
                  >
                    削除
                  </button>
                </Can>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">
        モールのコードは{master.mallCodeHint}。
        {master.everyCode &&
          "Juchuのコードごとに少なくとも1行が必要です(最初の行をモールへの報告に使います)。"}
      </p>
      <ErrorNotice error={error} />
      {saved && <Notice>保存しました。次の取込から使われます。</Notice>}
      <Can permission="shops:write">
        <div className="action-row">
          <button
            type="button"
            className="button"
            onClick={() => setRows([...rows, { code: master.codes[0]?.code ?? "", mallCode: "" }])}
          >
            行を追加
          </button>
          <button type="button" className="button button-primary" onClick={() => void save()}>
            {master.label}のマスタを保存
          </button>
        </div>
      </Can>
    </details>
  );
}
