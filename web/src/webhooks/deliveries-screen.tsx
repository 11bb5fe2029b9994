import { useState } from "react";
import { ApiError, api, query } from "../api/client.ts";
import type { Delivery, DeliveryPage, WebhookEndpoint } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { dateTime } from "../format.ts";
import { useCan } from "../session/can.tsx";
import { Link } from "../shell/router.tsx";
import { CursorPager } from "../ui/cursor-pager.tsx";
import { Empty, ErrorNotice, Loading, Notice } from "../ui/states.tsx";
import { DeliveryAttempts } from "./delivery-attempts.tsx";

const STATUS = { pending: "送信待ち", succeeded: "成功", failed: "失敗" } as const;
/** A test send lands within seconds; the log follows it without a reload. */
const REFRESH_MS = 3000;

/** 配信ログ of one endpoint: each event's delivery, its attempts, and 再送. */
export function DeliveriesScreen({ id }: { id: string }) {
  const endpoints = useApi<{ items: WebhookEndpoint[] }>("/api/webhooks");
  const endpoint = endpoints.data?.items.find((e) => e.id === id);
  const [status, setStatus] = useState("");
  const [cursor, setCursor] = useState("");
  const [previous, setPrevious] = useState<string[]>([]);
  const page = useApi<DeliveryPage>(`/api/webhooks/${id}/deliveries${query({ status, cursor })}`, REFRESH_MS);
  const canWrite = useCan("webhooks:write");
  const [open, setOpen] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [message, setMessage] = useState<string>();

  const redeliver = async (d: Delivery) => {
    setError(undefined);
    setMessage(undefined);
    try {
      await api("POST", `/api/webhooks/${id}/deliveries/${d.id}/redelivery`);
      setMessage(`${d.eventType} を再送します。`);
      page.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  const goTo = (next: string, back: boolean) => {
    setPrevious(back ? previous.slice(0, -1) : [...previous, cursor]);
    setCursor(next);
  };

  return (
    <section className="screen" aria-busy={page.loading}>
      <Link to="/settings/webhooks" className="back-link">
        ← Webhook
      </Link>
      <header className="screen-header">
        <h1>配信ログ</h1>
        {endpoint && <code>{endpoint.url}</code>}
      </header>
      <label className="inline-field">
        状態
        <select
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setCursor("");
            setPrevious([]);
          }}
        >
          <option value="">すべて</option>
          {Object.entries(STATUS).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {message && <Notice>{message}</Notice>}
      <ErrorNotice error={error ?? page.error} />
      {!page.data ? (
        <Loading />
      ) : page.data.items.length === 0 ? (
        <Empty>配信はまだありません。</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table deliveries-table">
            <thead>
              <tr>
                <th>イベント</th>
                <th>状態</th>
                <th className="num">試行</th>
                <th>応答</th>
                <th>発生日時</th>
                <th>配信日時・次回</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((d) => (
                <DeliveryRow
                  key={d.id}
                  delivery={d}
                  open={open === d.id}
                  onToggle={() => setOpen(open === d.id ? undefined : d.id)}
                  onRedeliver={canWrite ? () => void redeliver(d) : undefined}
                  endpointId={id}
                />
              ))}
            </tbody>
          </table>
          <CursorPager cursor={cursor} previous={previous} nextCursor={page.data.nextCursor} goTo={goTo} />
        </div>
      )}
    </section>
  );
}

function DeliveryRow({
  delivery: d,
  open,
  onToggle,
  onRedeliver,
  endpointId,
}: {
  delivery: Delivery;
  open: boolean;
  onToggle: () => void;
  onRedeliver: (() => void) | undefined;
  endpointId: string;
}) {
  return (
    <>
      <tr data-event-type={d.eventType} data-status={d.status}>
        <td>
          <code>{d.eventType}</code>
        </td>
        <td>
          <span className={`badge delivery-${d.status}`}>{STATUS[d.status]}</span>
        </td>
        <td className="num">{d.attempts}</td>
        <td>
          {d.lastStatusCode ?? "—"}
          {d.lastError && <span className="muted"> {d.lastError}</span>}
        </td>
        <td>{dateTime(d.createdAt)}</td>
        <td>
          {d.deliveredAt
            ? dateTime(d.deliveredAt)
            : d.nextAttemptAt
              ? `次回 ${dateTime(d.nextAttemptAt)}`
              : "—"}
        </td>
        <td className="action-row">
          <button type="button" className="button button-small" aria-expanded={open} onClick={onToggle}>
            詳細
          </button>
          {onRedeliver && d.status !== "pending" && (
            <button type="button" className="button button-small" onClick={onRedeliver}>
              再送
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={7}>
            <DeliveryAttempts endpointId={endpointId} deliveryId={d.id} />
          </td>
        </tr>
      )}
    </>
  );
}
