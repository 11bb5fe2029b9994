import { useEffect, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Inquiry } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { dateTime } from "../format.ts";
import { TimelineEvents } from "../orders/order-timeline.tsx";
import { Can } from "../session/can.tsx";
import { Link } from "../shell/router.tsx";
import { useConfirm } from "../ui/confirm-dialog.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { INQUIRY_REFRESH_MS } from "./inquiry-list-screen.tsx";
import { ReplyForm } from "./inquiry-reply.tsx";
import { ACTION_WORDS, ActionBadges, inquiriesHref, ReplyBadge } from "./inquiry-words.tsx";

/** One R-Messe thread: the messages, what Juchu did about it, a reply by hand and 対応完了. */
export function InquiryDetailScreen({ id }: { id: string }) {
  const loaded = useApi<Inquiry>(`/api/inquiries/${id}`, INQUIRY_REFRESH_MS);
  const [inquiry, setInquiry] = useState<Inquiry>();
  useEffect(() => setInquiry(loaded.data), [loaded.data]);

  if (!inquiry) {
    return (
      <section className="screen">
        <Link to={inquiriesHref({})} className="back-link">
          ← 問い合わせ
        </Link>
        {loaded.error ? <ErrorNotice error={loaded.error} /> : <Loading />}
      </section>
    );
  }
  return (
    <section className="screen inquiry-detail">
      <Link to={inquiriesHref({})} className="back-link">
        ← 問い合わせ
      </Link>
      <header className="screen-header">
        <h1>
          問い合わせ <span className="order-number">{inquiry.inquiryNumber}</span>
        </h1>
        <ActionBadges inquiry={inquiry} />
        <ReplyBadge inquiry={inquiry} />
        {inquiry.completed && <span className="badge badge-ok">対応済み</span>}
        <span className="muted">
          {inquiry.shopName} ・ {inquiry.buyerName} 様 ・ 受信 {dateTime(inquiry.receivedAt)}
          {inquiry.category && ` ・ ${inquiry.category}`}
        </span>
      </header>
      <div className="detail-grid">
        <OrderCard inquiry={inquiry} />
        <CompleteCard inquiry={inquiry} onChanged={setInquiry} />
        <Thread inquiry={inquiry} />
        <section className="card span-all" aria-labelledby="inquiry-reply">
          <h2 id="inquiry-reply">返信</h2>
          {inquiry.replyState === "failed" && (
            <div className="notice notice-error" role="alert">
              <strong>前回の返信はモールに受け付けられませんでした</strong>
              {inquiry.replyError && <p>{inquiry.replyError}</p>}
            </div>
          )}
          <ReplyForm inquiry={inquiry} onSent={setInquiry} />
        </section>
        <InquiryTimeline inquiry={inquiry} />
      </div>
    </section>
  );
}

/** The buyer's first message, then every later one of either side, oldest first like the mall shows them. */
function Thread({ inquiry }: { inquiry: Inquiry }) {
  const messages = [
    { from: "buyer" as const, message: inquiry.message, at: inquiry.receivedAt },
    ...inquiry.replies,
  ];
  return (
    <section className="card span-all" aria-labelledby="inquiry-thread">
      <h2 id="inquiry-thread">やりとり</h2>
      <ol className="inquiry-thread">
        {messages.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages carry no id; the thread only grows at the end.
          <li key={`${m.at}-${i}`} className={`inquiry-message inquiry-from-${m.from}`}>
            <div className="inquiry-message-head">
              <strong>{m.from === "buyer" ? `${inquiry.buyerName} 様` : "ショップ"}</strong>
              <time className="muted" dateTime={m.at}>
                {dateTime(m.at)}
              </time>
            </div>
            <p className="inquiry-message-body">{m.message}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function OrderCard({ inquiry }: { inquiry: Inquiry }) {
  const action = ACTION_WORDS[inquiry.action];
  return (
    <section className="card" aria-labelledby="inquiry-order">
      <h2 id="inquiry-order">注文</h2>
      {inquiry.orderId ? (
        <>
          <p>
            <Link to={`/orders/${inquiry.orderId}`} className="order-link">
              {inquiry.mallOrderNumber}
            </Link>
          </p>
          {action && <p>Juchuの対応: {action.label}</p>}
          {inquiry.actionNote && <p className="muted">{inquiry.actionNote}</p>}
          <Link to={`/orders/${inquiry.orderId}`} className="button">
            注文を開く
          </Link>
        </>
      ) : (
        <p className="muted">
          {inquiry.mallOrderNumber
            ? `注文番号 ${inquiry.mallOrderNumber} はJuchuにありません。`
            : "注文の指定がない問い合わせです。"}
        </p>
      )}
    </section>
  );
}

/** 対応完了 and back, at the mall too; asked first with the app's dialog since the mall's flag changes. */
function CompleteCard({ inquiry, onChanged }: { inquiry: Inquiry; onChanged: (next: Inquiry) => void }) {
  const confirm = useConfirm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const toggle = async () => {
    const completed = !inquiry.completed;
    const ok = await confirm.ask(
      completed
        ? {
            title: "対応完了にする",
            message: "この問い合わせを対応完了にします。モールの問い合わせにも反映されます。",
            confirmLabel: "対応完了にする",
          }
        : {
            title: "未完了に戻す",
            message: "この問い合わせを未完了に戻し、未対応の一覧に戻します。",
            confirmLabel: "未完了に戻す",
          },
    );
    if (!ok) return;
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await api<Inquiry>("POST", `/api/inquiries/${inquiry.id}/complete`, { completed }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="inquiry-state">
      <h2 id="inquiry-state">対応状況</h2>
      {confirm.dialog}
      <p>{inquiry.completed ? "対応済みです。" : "まだ対応が終わっていません。"}</p>
      <ErrorNotice error={error} title="変更できませんでした" />
      <Can permission="inquiries:write">
        <button
          type="button"
          className={inquiry.completed ? "button" : "button button-primary"}
          disabled={busy}
          onClick={() => void toggle()}
        >
          {inquiry.completed ? "未完了に戻す" : "対応完了"}
        </button>
      </Can>
    </section>
  );
}

function InquiryTimeline({ inquiry }: { inquiry: Inquiry }) {
  if (inquiry.timeline.length === 0) return null;
  return (
    <section className="card span-all" aria-labelledby="inquiry-timeline">
      <h2 id="inquiry-timeline">履歴</h2>
      <TimelineEvents events={inquiry.timeline} />
    </section>
  );
}
