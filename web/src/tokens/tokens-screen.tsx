import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { ApiToken, Permissions } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { dateTime } from "../format.ts";
import { useCan } from "../session/can.tsx";
import { SettingsNav } from "../settings/settings-nav.tsx";
import { useConfirm } from "../ui/confirm-dialog.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { NewTokenForm } from "./new-token-form.tsx";

/** APIトークン: named keys for scripts and integrations, each limited to the scopes it was given. */
export function TokensScreen() {
  const tokens = useApi<{ items: ApiToken[] }>("/api/api-tokens");
  const permissions = useApi<Permissions>("/api/permissions");
  const canWrite = useCan("tokens:write");
  const [error, setError] = useState<ApiError>();
  const { ask, dialog } = useConfirm();
  const label = (code: string) => permissions.data?.items.find((p) => p.code === code)?.label ?? code;

  const revoke = async (token: ApiToken) => {
    const ok = await ask({
      title: "APIトークンを無効化しますか?",
      message: `「${token.name}」を使う連携は、すぐに401で拒否されるようになります。元には戻せません。`,
      confirmLabel: "無効化する",
      danger: true,
    });
    if (!ok) return;
    setError(undefined);
    try {
      await api("DELETE", `/api/api-tokens/${token.id}`);
      tokens.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };

  return (
    <section className="screen" aria-busy={tokens.loading}>
      <header className="screen-header">
        <h1>APIトークン</h1>
      </header>
      <SettingsNav />
      {canWrite && permissions.data && (
        <NewTokenForm permissions={permissions.data} onCreated={tokens.reload} />
      )}
      <ErrorNotice error={error ?? tokens.error} />
      {!tokens.data ? (
        <Loading />
      ) : tokens.data.items.length === 0 ? (
        <Empty>APIトークンはまだありません。</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table tokens-table">
            <thead>
              <tr>
                <th>名前</th>
                <th>権限</th>
                <th>作成者</th>
                <th>作成日時</th>
                <th>最終使用日時</th>
                <th>状態</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.items.map((t) => (
                <tr key={t.id} data-token-name={t.name} className={t.revokedAt ? "row-deleted" : undefined}>
                  <td>{t.name}</td>
                  <td>
                    <ul className="scope-list">
                      {t.scopes.map((s) => (
                        <li key={s}>{label(s)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>{t.createdBy ? t.createdBy.name || t.createdBy.email : "—"}</td>
                  <td>{dateTime(t.createdAt)}</td>
                  <td>{t.lastUsedAt ? dateTime(t.lastUsedAt) : "未使用"}</td>
                  <td>
                    {t.revokedAt ? (
                      <span className="badge">無効({dateTime(t.revokedAt)})</span>
                    ) : canWrite ? (
                      <button
                        type="button"
                        className="button button-small button-danger-quiet"
                        onClick={() => void revoke(t)}
                      >
                        無効化
                      </button>
                    ) : (
                      <span className="badge badge-ok">有効</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog}
    </section>
  );
}
