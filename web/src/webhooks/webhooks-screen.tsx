import { useState } from "react";
import type { WebhookEndpoint, WebhookEventType } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { useCan } from "../session/can.tsx";
import { SettingsNav } from "../settings/settings-nav.tsx";
import { ShownOnce } from "../ui/shown-once.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { EndpointCard } from "./endpoint-card.tsx";
import { EndpointForm } from "./endpoint-form.tsx";

/**
 * Webhook: where Juchu posts its events (signed per Standard Webhooks), which events each endpoint
 * hears, and how its deliveries went.
 */
export function WebhooksScreen() {
  const endpoints = useApi<{ items: WebhookEndpoint[] }>("/api/webhooks");
  const eventTypes = useApi<{ items: WebhookEventType[] }>("/api/webhooks/event-types");
  const canWrite = useCan("webhooks:write");
  const [secret, setSecret] = useState<string>();
  const types = eventTypes.data?.items ?? [];

  return (
    <section className="screen" aria-busy={endpoints.loading}>
      <header className="screen-header">
        <h1>Webhook</h1>
      </header>
      <SettingsNav />
      <p className="muted">
        注文や出荷の変化を外部のシステムへPOSTで知らせます。受信側は署名シークレットで webhook-signature
        ヘッダーを検証してください。
      </p>
      {secret && <ShownOnce label="署名シークレット" value={secret} onDone={() => setSecret(undefined)} />}
      {canWrite && eventTypes.data && !secret && (
        <EndpointForm
          endpoint={null}
          eventTypes={types}
          onSaved={(saved) => {
            setSecret(saved.secret);
            endpoints.reload();
          }}
        />
      )}
      <ErrorNotice error={endpoints.error ?? eventTypes.error} />
      {!endpoints.data ? (
        <Loading />
      ) : endpoints.data.items.length === 0 ? (
        <Empty>送信先はまだありません。</Empty>
      ) : (
        <ul className="webhook-list">
          {endpoints.data.items.map((e) => (
            <li key={e.id}>
              <EndpointCard
                endpoint={e}
                eventTypes={types}
                canWrite={canWrite}
                onChanged={endpoints.reload}
                onSecret={setSecret}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
