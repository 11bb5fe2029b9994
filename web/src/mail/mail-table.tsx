import { Fragment, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Mail } from "../api/types.ts";
import { dateTime } from "../format.ts";
import { Can } from "../session/can.tsx";
import { Link } from "../shell/router.tsx";
import { useConfirm } from "../ui/confirm-dialog.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";

/** A mail that went out, failed or was kept can be sent again; one still queued is on its way. */
const resendable = (m: Mail) => m.status === "sent" || m.status === "failed" || m.status === "kept";

/** 未送信 (kept) is the one a merchant must not mistake for a sent mail: it carries its own mark. */
export function MailStatusBadge({ mail }: { mail: Mail }) {
  return (
    <span className={`badge mail-status mail-status-${mail.status}`}>
      {mail.status === "kept" && <span aria-hidden="true">✉✕ </span>}
      {mail.statusLabel}
    </span>
  );
}

/** The mail log's rows; `compact` drops the order column on the order's own page. */
export function MailTable({
  mails,
  onChanged,
  compact,
}: {
  mails: Mail[];
  onChanged: () => void;
  compact?: boolean;
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [queued, setQueued] = useState(false);
  const toggle = (id: string) =>
    setOpen((all) => {
      const next = new Set(all);
      next.has(id) ? next.delete(id) : next.add(id);
      return next;
    });
  const confirm = useConfirm();
  const resend = async (m: Mail) => {
    const ok = await confirm.ask({
      title: "メールを再送",
      message: `「${m.subject ?? m.categoryName}」を ${m.toAddress} にもう一度送ります。`,
      confirmLabel: "再送する",
    });
    if (!ok) return;
    setBusy(m.id);
    setError(undefined);
    setQueued(false);
    try {
      await api("POST", `/api/mails/${m.id}/resend`);
      setQueued(true);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(undefined);
    }
  };
  const columns = compact ? 8 : 9;

  return (
    <>
      {confirm.dialog}
      <ErrorNotice error={error} title="再送できませんでした" />
      {queued && <Notice>再送を受け付けました。送信待ちとして一覧に加わります。</Notice>}
      <div className="table-wrap">
        <table className="table mail-table">
          <thead>
            <tr>
              <th>状態</th>
              <th>作成 / 送信日時</th>
              {!compact && <th>注文番号</th>}
              <th>カテゴリー</th>
              <th>宛先</th>
              <th>件名</th>
              <th className="num">試行回数</th>
              <th>エラー / 理由</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {mails.map((m) => (
              <Fragment key={m.id}>
                <tr data-mail-id={m.id} className={`mail-row mail-row-${m.status}`}>
                  <td>
                    <MailStatusBadge mail={m} />
                    {m.resendOf && <div className="muted">再送</div>}
                  </td>
                  <td className="nowrap">
                    {dateTime(m.createdAt)}
                    <div className="muted">
                      {m.sentAt
                        ? `送信 ${dateTime(m.sentAt)}`
                        : m.status === "queued"
                          ? `予定 ${dateTime(m.dueAt)}`
                          : "未送信"}
                    </div>
                  </td>
                  {!compact && (
                    <td>
                      <Link to={`/orders/${m.orderId}`} className="order-link">
                        {m.mallOrderNumber}
                      </Link>
                    </td>
                  )}
                  <td>{m.categoryName}</td>
                  <td>{m.toAddress}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={open.has(m.id)}
                      onClick={() => toggle(m.id)}
                    >
                      {m.subject ?? "(件名なし)"}
                    </button>
                  </td>
                  <td className="num">{m.attempts}</td>
                  <td className="mail-reason">{m.note ?? m.lastError ?? ""}</td>
                  <td>
                    {resendable(m) && (
                      <Can permission="mail:write">
                        <button
                          type="button"
                          className="button"
                          disabled={busy === m.id}
                          onClick={() => void resend(m)}
                        >
                          再送
                        </button>
                      </Can>
                    )}
                  </td>
                </tr>
                {open.has(m.id) && (
                  <tr className="mail-body-row">
                    <td colSpan={columns}>
                      <pre className="mail-body">{m.body ?? "(本文はまだ作られていません)"}</pre>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
