import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { WebhookEndpoint, WebhookEventType } from "../api/types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";

/** Add (endpoint null) or edit an endpoint: its URL, a note for people, and the events it hears. */
export function EndpointForm({
  endpoint,
  eventTypes,
  onSaved,
  onCancel,
}: {
  endpoint: WebhookEndpoint | null;
  eventTypes: WebhookEventType[];
  onSaved: (saved: { endpoint: WebhookEndpoint; secret?: string }) => void;
  onCancel?: () => void;
}) {
  const [url, setUrl] = useState(endpoint?.url ?? "");
  const [description, setDescription] = useState(endpoint?.description ?? "");
  const [events, setEvents] = useState<string[]>(endpoint?.events ?? []);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const subscribable = eventTypes.filter((t) => t.type !== "webhook.test");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = { url, description, events };
      if (endpoint) {
        onSaved({ endpoint: await api<WebhookEndpoint>("PATCH", `/api/webhooks/${endpoint.id}`, body) });
      } else {
        onSaved(await api<{ endpoint: WebhookEndpoint; secret: string }>("POST", "/api/webhooks", body));
        setUrl("");
        setDescription("");
        setEvents([]);
      }
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  const heading = endpoint ? `edit-webhook-${endpoint.id}` : "new-webhook";
  return (
    <form className="card settings-form" aria-labelledby={heading} onSubmit={(e) => void submit(e)}>
      <h2 id={heading}>{endpoint ? "送信先を編集" : "送信先を追加"}</h2>
      <Field
        label="URL"
        path="url"
        error={error}
        hint="http:// か https:// で始まるURL(イベントをPOSTで送ります)"
      >
        <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
      </Field>
      <Field label="説明" path="description" error={error}>
        <input maxLength={200} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <fieldset className="checks">
        <legend>送信するイベント</legend>
        {subscribable.map((t) => (
          <label key={t.type} className="checkbox">
            <input
              type="checkbox"
              checked={events.includes(t.type)}
              onChange={(e) =>
                setEvents(e.target.checked ? [...events, t.type] : events.filter((x) => x !== t.type))
              }
            />
            {t.label} <code className="muted">{t.type}</code>
          </label>
        ))}
      </fieldset>
      <ErrorNotice error={error} />
      <div className="action-row">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            やめる
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={busy || events.length === 0}>
          {endpoint ? "保存" : "追加する"}
        </button>
      </div>
    </form>
  );
}
