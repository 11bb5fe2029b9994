import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { SignedInDevice } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { dateTime } from "../format.ts";
import { ErrorNotice, Loading } from "../ui/states.tsx";

/** ログイン中の端末: every session of mine, this one marked; any other can be ended. */
export function DevicesSection() {
  const sessions = useApi<{ items: SignedInDevice[] }>("/api/me/sessions");
  const [error, setError] = useState<ApiError>();
  const others = (sessions.data?.items ?? []).filter((s) => !s.current);
  const end = async (ids: string[]) => {
    setError(undefined);
    try {
      for (const id of ids) await api("DELETE", `/api/me/sessions/${id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      sessions.reload();
    }
  };
  return (
    <article className="card" aria-labelledby="devices-heading">
      <h2 id="devices-heading">ログイン中の端末</h2>
      <ErrorNotice error={error ?? sessions.error} />
      {!sessions.data ? (
        <Loading />
      ) : (
        <table className="table devices-table">
          <thead>
            <tr>
              <th>端末</th>
              <th>IPアドレス</th>
              <th>ログイン</th>
              <th>最終アクセス</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.items.map((s) => (
              <tr key={s.id}>
                <td>{s.userAgent ?? "不明な端末"}</td>
                <td>{s.address ?? "—"}</td>
                <td>{dateTime(s.createdAt)}</td>
                <td>{dateTime(s.lastSeenAt)}</td>
                <td>
                  {s.current ? (
                    <span className="badge badge-ok">この端末</span>
                  ) : (
                    <button type="button" className="button button-small" onClick={() => void end([s.id])}>
                      ログアウト
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="action-row">
        <button
          type="button"
          className="button"
          disabled={others.length === 0}
          onClick={() => void end(others.map((s) => s.id))}
        >
          この端末以外をログアウト
        </button>
      </div>
    </article>
  );
}
