import type { DeliveryDetail } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { dateTime } from "../format.ts";
import { ErrorNotice, Loading } from "../ui/states.tsx";

/** One delivery's payload as sent and every attempt with the receiver's answer. */
export function DeliveryAttempts({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  const detail = useApi<DeliveryDetail>(`/api/webhooks/${endpointId}/deliveries/${deliveryId}`);
  if (detail.error) return <ErrorNotice error={detail.error} />;
  if (!detail.data) return <Loading />;
  return (
    <div className="delivery-detail">
      <h3>試行</h3>
      <ol className="delivery-attempts">
        {detail.data.attemptLog.map((a) => (
          <li key={a.at}>
            {dateTime(a.at)} ・ {a.statusCode ?? "応答なし"} ・ {a.durationMs}ms
            {a.error && <span className="muted"> {a.error}</span>}
            {a.responseBody && <pre className="mail-body">{a.responseBody}</pre>}
          </li>
        ))}
      </ol>
      <h3>送信内容</h3>
      <pre className="mail-body">{JSON.stringify(detail.data.payload, null, 2)}</pre>
    </div>
  );
}
