import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { WebhookEndpoint, WebhookEventType } from "../api/types.ts";
import { count, dateTime } from "../format.ts";
import { Link } from "../shell/router.tsx";
import { useConfirm } from "../ui/confirm-dialog.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";
import { EndpointForm } from "./endpoint-form.tsx";

/** One endpoint: its events and delivery counts, and what the role may do to it. */
export function EndpointCard({
  endpoint: e,
  eventTypes,
  canWrite,
  onChanged,
  onSecret,
}: {
  endpoint: WebhookEndpoint;
  eventTypes: WebhookEventType[];
  canWrite: boolean;
  onChanged: () => void;
  onSecret: (secret: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [message, setMessage] = useState<string>();
  const { ask, dialog } = useConfirm();
  const label = (type: string) => eventTypes.find((t) => t.type === type)?.label ?? type;

  const act = async (work: () => Promise<unknown>, done?: string) => {
    setError(undefined);
    setMessage(undefined);
    try {
      await work();
      if (done) setMessage(done);
      onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, null));
    }
  };
  const rotate = async () => {
    const ok = await ask({
      title: "シークレットを再発行しますか?",
      message:
        "新しいシークレットで署名します。古いシークレットも24時間は並べて署名するので、その間に受信側を切り替えてください。",
      confirmLabel: "再発行する",
    });
    if (ok)
      await act(async () =>
        onSecret((await api<{ secret: string }>("POST", `/api/webhooks/${e.id}/secret-rotation`)).secret),
      );
  };
  const remove = async () => {
    const ok = await ask({
      title: "送信先を削除しますか?",
      message: `${e.url} へのイベント送信をやめ、配信ログも削除します。`,
      confirmLabel: "削除する",
      danger: true,
    });
    if (ok) await act(() => api("DELETE", `/api/webhooks/${e.id}`));
  };

  if (editing) {
    return (
      <EndpointForm
        endpoint={e}
        eventTypes={eventTypes}
        onCancel={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          onChanged();
        }}
      />
    );
  }
  return (
    <article className="card webhook" aria-label={`送信先 ${e.url}`} data-webhook-url={e.url}>
      <h2 className="webhook-url">
        <code>{e.url}</code>{" "}
        <span className={e.enabled ? "badge badge-ok" : "badge"}>{e.enabled ? "有効" : "停止中"}</span>
      </h2>
      {e.description && <p>{e.description}</p>}
      {e.disabledReason && <p className="notice notice-error">{e.disabledReason}</p>}
      <dl className="facts">
        <dt>イベント</dt>
        <dd>{e.events.map(label).join("、")}</dd>
        <dt>配信</dt>
        <dd>
          成功 {count(e.deliveries.succeeded)}件 ・ 失敗 {count(e.deliveries.failed)}件 ・ 送信待ち{" "}
          {count(e.deliveries.pending)}件
        </dd>
        <dt>シークレット</dt>
        <dd>
          {e.secretRotatedAt ? `${dateTime(e.secretRotatedAt)}に再発行` : `${dateTime(e.createdAt)}に発行`}
        </dd>
      </dl>
      {message && <Notice>{message}</Notice>}
      <ErrorNotice error={error} />
      <div className="action-row">
        <Link to={`/settings/webhooks/${e.id}`} className="button">
          配信ログ
        </Link>
        {canWrite && (
          <>
            <button
              type="button"
              className="button"
              onClick={() =>
                void act(
                  () => api("POST", `/api/webhooks/${e.id}/test`),
                  "テストイベント(webhook.test)を送信しました。結果は配信ログで確認できます。",
                )
              }
            >
              テスト送信
            </button>
            <button type="button" className="button" onClick={() => setEditing(true)}>
              編集
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void act(() => api("PATCH", `/api/webhooks/${e.id}`, { enabled: !e.enabled }))}
            >
              {e.enabled ? "停止する" : "有効にする"}
            </button>
            <button type="button" className="button" onClick={() => void rotate()}>
              シークレット再発行
            </button>
            <button type="button" className="button button-danger-quiet" onClick={() => void remove()}>
              削除
            </button>
          </>
        )}
      </div>
      {dialog}
    </article>
  );
}
