import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Answer, Order } from "../api/types.ts";
import { dateTime } from "../format.ts";
import { useCan } from "../session/can.tsx";
import { useConfirm } from "../ui/confirm-dialog.tsx";
import { Dialog } from "../ui/dialog.tsx";
import { ErrorNotice } from "../ui/states.tsx";

/** 拒否の理由: optional, at most this many characters (the API refuses more). */
const REFUSAL_MAX = 20;

/**
 * 受注詳細's キャンセルリクエスト: what the buyer company asked and why, and 承認する (after a confirmation:
 * 取引中止, stock released) or 拒否する (with an optional reason the buyer sees).
 */
export function CancelRequestPanel({
  order,
  onChanged,
}: {
  order: Order;
  onChanged: (order: Order) => void;
}) {
  const b2b = order.b2b;
  const request = b2b?.cancelRequest;
  const writable = useCan("orders:write");
  const { ask, dialog } = useConfirm();
  const [refusing, setRefusing] = useState(false);
  const [error, setError] = useState<ApiError>();
  /** What the cancel left for a person (a warehouse that already has the parcel …), as the API words it. */
  const [warnings, setWarnings] = useState<string[]>([]);
  if (!b2b || !request) return null;
  const approve = async () => {
    const ok = await ask({
      title: "キャンセルリクエストを承認します",
      message: (
        <p>
          {b2b.companyName}の注文 {order.mallOrderNumber}{" "}
          を取引中止にします。引当てた在庫は戻り、元に戻せません。
        </p>
      ),
      confirmLabel: "承認して取引中止",
      danger: true,
    });
    if (!ok) return;
    setError(undefined);
    try {
      const { warnings: left, ...approved } = await api<
        Answer<"/api/orders/{id}/cancel-request/approval", "post">
      >("POST", `/api/orders/${order.id}/cancel-request/approval`);
      setWarnings(left);
      onChanged(approved);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  return (
    <section className="card cancel-request-panel" aria-labelledby="cancel-request-heading">
      <h2 id="cancel-request-heading">キャンセルリクエスト</h2>
      <p className={`cancel-request-state cancel-request-${request.status}`} role="status">
        {request.label}
        {request.status === "refused" && request.refusalReason && (
          <span className="cancel-refusal-reason">{request.refusalReason}</span>
        )}
      </p>
      <dl className="facts">
        <dt>取引先</dt>
        <dd>{b2b.companyName}</dd>
        <dt>キャンセル理由</dt>
        <dd>
          {request.reasonLabel}
          {request.reasonText && request.reasonText !== request.reasonLabel && `:${request.reasonText}`}
        </dd>
        <dt>リクエスト日時</dt>
        <dd>{dateTime(request.requestedAt)}</dd>
        {request.decidedAt && (
          <>
            <dt>回答日時</dt>
            <dd>{dateTime(request.decidedAt)}</dd>
          </>
        )}
      </dl>
      <ErrorNotice error={error} />
      {warnings.map((w) => (
        <p key={w} className="notice" role="note">
          {w}
        </p>
      ))}
      {writable && request.status === "requested" && (
        <div className="action-row">
          <button type="button" className="button button-danger" onClick={() => void approve()}>
            承認する
          </button>
          <button type="button" className="button" onClick={() => setRefusing(true)}>
            拒否する
          </button>
        </div>
      )}
      {dialog}
      {refusing && (
        <RefuseDialog
          orderId={order.id}
          onClose={() => setRefusing(false)}
          onRefused={(next) => {
            setRefusing(false);
            onChanged(next);
          }}
        />
      )}
    </section>
  );
}

function RefuseDialog({
  orderId,
  onClose,
  onRefused,
}: {
  orderId: string;
  onClose: () => void;
  onRefused: (order: Order) => void;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const length = [...new Intl.Segmenter("ja", { granularity: "grapheme" }).segment(reason)].length;
  const tooLong = length > REFUSAL_MAX;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (tooLong) return;
    setBusy(true);
    setError(undefined);
    try {
      const body = reason.trim() ? { reason: reason.trim() } : {};
      onRefused(await api<Order>("POST", `/api/orders/${orderId}/cancel-request/refusal`, body));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
      setBusy(false);
    }
  };
  return (
    <Dialog title="キャンセルリクエストを拒否します" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <label className={tooLong ? "field field-invalid" : "field"}>
          <span className="field-label">拒否の理由(任意・20文字まで)</span>
          <input value={reason} aria-invalid={tooLong} onChange={(e) => setReason(e.target.value)} />
          <span className={tooLong ? "field-error" : "field-hint"}>
            {length}/{REFUSAL_MAX}文字{tooLong && `:${length - REFUSAL_MAX}文字多すぎます`}
          </span>
        </label>
        <p className="muted">理由は発注者の発注履歴詳細に表示され、メールでも伝えます。</p>
        <ErrorNotice error={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            やめる
          </button>
          <button type="submit" className="button button-danger" disabled={busy || tooLong}>
            拒否を実行
          </button>
        </div>
      </form>
    </Dialog>
  );
}
