import { useState } from "react";
import { type ApiError, api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import type { CustomerRank } from "../customers/types.ts";
import { Can } from "../session/can.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { CustomerRankForm } from "./customer-rank-form.tsx";

/** 顧客ランク設定: the ranks customers are given from their purchases, checked in priority order. */
export function CustomerRanksScreen() {
  const ranks = useApi<{ items: CustomerRank[] }>("/api/customer-ranks");
  const [editing, setEditing] = useState<CustomerRank | "new" | null>(null);
  const [error, setError] = useState<ApiError>();
  const items = ranks.data?.items ?? [];

  const remove = async (rank: CustomerRank) => {
    setError(undefined);
    try {
      await api("DELETE", `/api/customer-ranks/${rank.id}`);
      ranks.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>顧客ランク設定</h1>
        {editing === null && (
          <Can permission="settings:write">
            <button type="button" className="button button-primary" onClick={() => setEditing("new")}>
              ランクを追加
            </button>
          </Can>
        )}
      </header>
      <p className="muted">
        優先順位の順に判定し、集計期間内の購入回数・購入金額が最初に条件を満たしたランクを顧客に付けます。キャンセル・削除・テスト取込の注文は数えません。注文には注文時のランクが残り、タグの条件やメールの差し込み(
        {"{{顧客ランク}}"})に使えます。
      </p>
      <ErrorNotice error={error ?? ranks.error} />
      {editing !== null && (
        <CustomerRankForm
          key={editing === "new" ? "new" : editing.id}
          rank={editing === "new" ? null : editing}
          nextPriority={Math.max(0, ...items.map((r) => r.priority)) + 1}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            ranks.reload();
          }}
        />
      )}
      {!ranks.data ? (
        !ranks.error && <Loading />
      ) : items.length === 0 ? (
        <Empty>顧客ランクはまだありません。</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="顧客ランク">
            <thead>
              <tr>
                <th className="numeric">優先順位</th>
                <th>ランク名</th>
                <th>条件</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td className="numeric">{r.priority}</td>
                  <td>{r.name}</td>
                  <td>{r.description}</td>
                  <td>
                    <Can permission="settings:write">
                      <span className="action-row">
                        <button type="button" className="button" onClick={() => setEditing(r)}>
                          編集
                        </button>
                        <button
                          type="button"
                          className="button button-danger-quiet"
                          onClick={() => void remove(r)}
                        >
                          削除
                        </button>
                      </span>
                    </Can>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
