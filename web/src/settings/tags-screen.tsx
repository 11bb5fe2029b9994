import { useState } from "react";
import { type ApiError, api } from "../api/client.ts";
import type { Tag } from "../api/types.ts";
import { count } from "../format.ts";
import { Can } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { TagChip } from "../ui/badges.tsx";
import { Dialog } from "../ui/dialog.tsx";
import { Empty, ErrorNotice, Notice } from "../ui/states.tsx";
import { TagForm } from "./tag-form.tsx";

/** タグ: the system's own tags (read only) and the merchant's, with the rule editor. */
export function TagsScreen() {
  const { tags, reload } = useReference();
  const [editing, setEditing] = useState<Tag | "new" | null>(null);
  const [deleting, setDeleting] = useState<Tag>();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const custom = tags.filter((t) => t.kind === "custom");
  const system = tags.filter((t) => t.kind === "system");

  const remove = async (tag: Tag) => {
    setError(undefined);
    try {
      const r = await api<{ detachedOrders: number; releasedOrders: number }>(
        "DELETE",
        `/api/tags/${tag.id}`,
      );
      setMessage(
        `タグ「${tag.name}」を削除しました。${count(r.detachedOrders)}件の注文から外れ、${count(r.releasedOrders)}件が先へ進みました。`,
      );
      reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setDeleting(undefined);
    }
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>タグ</h1>
        {editing === null && (
          <Can permission="settings:write">
            <button type="button" className="button button-primary" onClick={() => setEditing("new")}>
              タグを作成
            </button>
          </Can>
        )}
      </header>
      {message && <Notice>{message}</Notice>}
      <ErrorNotice error={error} />
      {editing !== null && (
        <TagForm
          key={editing === "new" ? "new" : editing.id}
          tag={editing === "new" ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      <h2>カスタムタグ</h2>
      {custom.length === 0 ? (
        <Empty>カスタムタグはまだありません。</Empty>
      ) : (
        <ul className="tag-table">
          {custom.map((t) => (
            <li key={t.id} className="card tag-row">
              <TagChip tag={t} />
              <span className="muted">{t.ruleDescription ?? "条件なし(手動で付けるタグ)"}</span>
              <Can permission="settings:write">
                <span className="action-row">
                  <button type="button" className="button" onClick={() => setEditing(t)}>
                    編集
                  </button>
                  <button type="button" className="button button-danger-quiet" onClick={() => setDeleting(t)}>
                    削除
                  </button>
                </span>
              </Can>
            </li>
          ))}
        </ul>
      )}
      <h2>システムタグ</h2>
      <p className="muted">システムが原因を見つけたときに付け、原因が解消すると外れます。</p>
      <ul className="tag-list system-tags">
        {system.map((t) => (
          <li key={t.id}>
            <TagChip tag={t} system />
          </li>
        ))}
      </ul>
      {deleting && (
        <Dialog title="タグを削除しますか?" onClose={() => setDeleting(undefined)}>
          <p>
            タグ「{deleting.name}
            」をすべての注文から外して削除します。このタグだけで止まっていた注文は先へ進みます。
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setDeleting(undefined)}>
              やめる
            </button>
            <button type="button" className="button button-danger" onClick={() => void remove(deleting)}>
              削除する
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
