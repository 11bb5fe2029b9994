import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Invitation, Role, User } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { dateTime } from "../format.ts";
import { useCan } from "../session/can.tsx";
import { useSignedIn } from "../session/session.tsx";
import { SettingsNav } from "../settings/settings-nav.tsx";
import { useConfirm } from "../ui/confirm-dialog.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { InvitationSent, InviteForm } from "./invite-form.tsx";

const STATUS = { active: "有効", invited: "招待中", disabled: "無効" } as const;

/** ユーザー: who works in this account, their role and state; the owner invites, changes and removes. */
export function UsersScreen() {
  const users = useApi<{ items: User[] }>("/api/users");
  const roles = useApi<{ items: Role[] }>("/api/roles");
  const canWrite = useCan("users:write");
  const [error, setError] = useState<ApiError>();
  const [reinvited, setReinvited] = useState<Invitation>();
  const { ask, dialog } = useConfirm();

  const change = async (work: () => Promise<unknown>) => {
    setError(undefined);
    setReinvited(undefined);
    try {
      await work();
      users.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  const actions: UserActions = {
    setRole: (u, role) => change(() => api("PATCH", `/api/users/${u.id}`, { role })),
    setDisabled: (u, disabled) => change(() => api("PATCH", `/api/users/${u.id}`, { disabled })),
    reinvite: (u) =>
      change(async () => setReinvited(await api<Invitation>("POST", `/api/users/${u.id}/invitation`))),
    remove: async (u) => {
      const ok = await ask({
        title: "ユーザーを削除しますか?",
        message: `${u.name || u.email}(${u.email})はログインできなくなります。履歴に残った操作者名はそのまま残ります。`,
        confirmLabel: "削除する",
        danger: true,
      });
      if (ok) await change(() => api("DELETE", `/api/users/${u.id}`));
    },
  };

  return (
    <section className="screen" aria-busy={users.loading}>
      <header className="screen-header">
        <h1>ユーザー</h1>
      </header>
      <SettingsNav />
      {canWrite && roles.data && <InviteForm roles={roles.data.items} onInvited={users.reload} />}
      <ErrorNotice error={error ?? users.error} />
      {reinvited && <InvitationSent sent={reinvited} />}
      {!users.data ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table className="table users-table">
            <thead>
              <tr>
                <th>名前</th>
                <th>メールアドレス</th>
                <th>権限</th>
                <th>状態</th>
                <th>最終ログイン</th>
                {canWrite && <th>操作</th>}
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <UserRow
                  key={u.id}
                  user={u}
                  roles={roles.data?.items ?? []}
                  actions={canWrite ? actions : null}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog}
    </section>
  );
}

type UserActions = {
  setRole: (user: User, role: string) => Promise<void>;
  setDisabled: (user: User, disabled: boolean) => Promise<void>;
  reinvite: (user: User) => Promise<void>;
  remove: (user: User) => Promise<void>;
};

function UserRow({ user, roles, actions }: { user: User; roles: Role[]; actions: UserActions | null }) {
  const me = useSignedIn().user.id === user.id;
  return (
    <tr data-user-email={user.email}>
      <td>
        {user.name || "—"}
        {me && <span className="badge">自分</span>}
      </td>
      <td>{user.email}</td>
      <td>
        {actions ? (
          <select
            aria-label={`${user.email}の権限`}
            value={user.role}
            onChange={(e) => void actions.setRole(user, e.target.value)}
          >
            {roles.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </select>
        ) : (
          user.roleLabel
        )}
      </td>
      <td>
        <span className={`badge user-${user.status}`}>{STATUS[user.status]}</span>
        {user.status === "invited" && user.invitationExpiresAt && (
          <span className="muted"> {dateTime(user.invitationExpiresAt)}まで</span>
        )}
      </td>
      <td>{dateTime(user.lastLoginAt)}</td>
      {actions && (
        <td className="action-row">
          {user.status === "invited" && (
            <button type="button" className="button button-small" onClick={() => void actions.reinvite(user)}>
              招待を再発行
            </button>
          )}
          {user.status !== "invited" && !me && (
            <button
              type="button"
              className="button button-small"
              onClick={() => void actions.setDisabled(user, user.status === "active")}
            >
              {user.status === "active" ? "無効化" : "有効化"}
            </button>
          )}
          {!me && (
            <button
              type="button"
              className="button button-small button-danger-quiet"
              onClick={() => void actions.remove(user)}
            >
              削除
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
