import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Order } from "../api/types.ts";
import { useReference } from "../shell/reference-data.tsx";
import { Dialog } from "../ui/dialog.tsx";
import { ErrorNotice } from "../ui/states.tsx";

type Confirm = { kind: "cancel" } | { kind: "delete" } | { kind: "markPaid" };

/**
 * Only the actions the API lists in allowedActions. If the order changed meanwhile and the API
 * refuses, its reason (the rule, in Japanese) is shown as is.
 */
export function OrderActions({
  order,
  onChanged,
  error,
  onError,
}: {
  order: Order;
  onChanged: (order: Order) => void;
  error: ApiError | undefined;
  onError: (error: ApiError | undefined) => void;
}) {
  const { tags, vocabulary, shops } = useReference();
  const channel = shops.find((s) => s.id === order.shopId)?.channel;
  const mallReasons = vocabulary.mallCancelReasons.filter((r) => r.channel === channel);
  const [confirm, setConfirm] = useState<Confirm>();
  const [reason, setReason] = useState("");
  const [mallReason, setMallReason] = useState(mallReasons[0]?.code ?? "");
  const [warnings, setWarnings] = useState<string[]>([]);
  const [tagId, setTagId] = useState("");
  const [busy, setBusy] = useState(false);
  const allowed = new Set(order.allowedActions);
  // SPEC §5 lets a 完了 order be cancelled, but only for 不着返品 or a recalled parcel: not a button beside the others.
  const completed = order.status === "completed";
  const attachable = tags.filter((t) => t.kind === "custom" && !order.tags.some((o) => o.id === t.id));

  const call = async (method: string, path: string, body?: unknown) => {
    setBusy(true);
    onError(undefined);
    setWarnings([]);
    try {
      const changed = await api<Order & { warnings?: string[] }>(method, path, body);
      setWarnings(changed.warnings ?? []);
      onChanged(changed);
    } catch (e) {
      onError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
      setConfirm(undefined);
    }
  };
  const base = `/api/orders/${order.id}`;

  return (
    <div className="order-actions">
      <div className="action-row">
        {allowed.has("markPaid") && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => setConfirm({ kind: "markPaid" })}
          >
            入金済みにする
          </button>
        )}
        {allowed.has("attachTag") && attachable.length > 0 && (
          <span className="inline-group">
            <select aria-label="付けるタグ" value={tagId} onChange={(e) => setTagId(e.target.value)}>
              <option value="">タグを選択</option>
              {attachable.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                  {t.hold ? "(保留)" : ""}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              disabled={busy || !tagId}
              onClick={() => void call("POST", `${base}/tags`, { tagId }).then(() => setTagId(""))}
            >
              タグを付ける
            </button>
          </span>
        )}
        {allowed.has("cancel") && !completed && (
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => setConfirm({ kind: "cancel" })}
          >
            注文をキャンセル
          </button>
        )}
        {allowed.has("delete") && (
          <button
            type="button"
            className="button button-danger-quiet"
            disabled={busy}
            onClick={() => setConfirm({ kind: "delete" })}
          >
            注文を削除
          </button>
        )}
      </div>
      {allowed.has("cancel") && completed && (
        <details className="completed-cancel">
          <summary>不着・返品で取り消す場合</summary>
          <p>
            完了した注文は購入者へ届いています。キャンセルするのは不着返品や配送会社からの引き戻しのときだけです。
            在庫は自動では戻りません(返品の検品後に在庫を直してください)。
          </p>
          <button
            type="button"
            className="button button-danger-quiet"
            disabled={busy}
            onClick={() => setConfirm({ kind: "cancel" })}
          >
            不着・返品としてキャンセルする
          </button>
        </details>
      )}
      <ErrorNotice error={error} title="操作できませんでした" />
      {warnings.length > 0 && (
        <div className="notice" role="status">
          <strong>キャンセルしました。次の対応が必要です</strong>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {confirm?.kind === "cancel" && (
        <Dialog title="注文をキャンセルしますか?" onClose={() => setConfirm(undefined)}>
          <p>
            注文 <strong>{order.mallOrderNumber}</strong>{" "}
            をキャンセルします。キャンセルは取り消せません。モール注文番号はこの後も使えません。
          </p>
          <label className="field">
            <span className="field-label">キャンセル理由(任意、履歴に残ります)</span>
            <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
          </label>
          {order.mall && mallReasons.length > 0 && (
            <label className="field">
              <span className="field-label">モールへのキャンセル理由</span>
              <select value={mallReason} onChange={(e) => setMallReason(e.target.value)}>
                {mallReasons.map(({ code, label }) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirm(undefined)}>
              やめる
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() =>
                void call("POST", `${base}/cancel`, {
                  ...(reason ? { reason } : {}),
                  ...(order.mall && mallReason ? { mallCancelReason: mallReason } : {}),
                })
              }
            >
              キャンセルする
            </button>
          </div>
        </Dialog>
      )}
      {confirm?.kind === "delete" && (
        <Dialog title="注文を削除しますか?" onClose={() => setConfirm(undefined)}>
          <p>
            注文 <strong>{order.mallOrderNumber}</strong>{" "}
            を一覧から消します。「詳細検索」の「削除済みを含む」で探せます。モール注文番号は手動登録で再び使えます。
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirm(undefined)}>
              やめる
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => void call("DELETE", base)}
            >
              削除する
            </button>
          </div>
        </Dialog>
      )}
      {confirm?.kind === "markPaid" && (
        <Dialog title="入金を記録しますか?" onClose={() => setConfirm(undefined)}>
          <p>請求額の入金を今の日時で記録します。入金待ちの注文は先へ進みます。</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirm(undefined)}>
              やめる
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void call("POST", `${base}/payment`, {})}
            >
              入金済みにする
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
