import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Warehouse } from "../api/types.ts";
import { count, dateTime } from "../format.ts";
import { useReference } from "../shell/reference-data.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";
import { StockRoomForm } from "./stock-room-form.tsx";

/** 倉庫設定: the own stock room's slip details, and RSL's API key and results polling. */
export function WarehousesScreen() {
  const { warehouses, reload } = useReference();
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>倉庫設定</h1>
      </header>
      {warehouses.map((w) => (
        <article key={w.id} className="card warehouse" aria-labelledby={`warehouse-${w.id}`}>
          <h2 id={`warehouse-${w.id}`}>
            {w.name} <span className="badge">{w.kindLabel}</span>
          </h2>
          {w.kind === "self" ? (
            <StockRoomForm warehouse={w} onSaved={reload} />
          ) : (
            <ResultsPoll warehouse={w} onPolled={reload} />
          )}
        </article>
      ))}
      <AddRsl onAdded={reload} />
    </section>
  );
}

function ResultsPoll({ warehouse, onPolled }: { warehouse: Warehouse; onPolled: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [results, setResults] = useState<number>();
  const poll = async () => {
    setBusy(true);
    setError(undefined);
    setResults(undefined);
    try {
      setResults(
        (await api<{ results: number }>("POST", `/api/warehouses/${warehouse.id}/poll-results`)).results,
      );
      onPolled();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <dl className="facts">
        <dt>APIキー</dt>
        <dd>{warehouse.hasCredentials ? "登録済み" : "未登録"}</dd>
        <dt>出荷実績の取得</dt>
        <dd>
          {warehouse.settings.resultPollMinutes}分ごと ・ 前回 {dateTime(warehouse.resultsPolledAt)}
        </dd>
      </dl>
      <div className="action-row">
        <button type="button" className="button" disabled={busy} onClick={() => void poll()}>
          {busy ? "取得中…" : "今すぐ取得"}
        </button>
      </div>
      {results !== undefined && <Notice>出荷実績を{count(results)}件取得しました。</Notice>}
      <ErrorNotice error={error} title="出荷実績を取得できませんでした" />
    </>
  );
}

function AddRsl({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState("楽天スーパーロジスティクス");
  const [apiKey, setApiKey] = useState("");
  const [error, setError] = useState<ApiError>();
  const [added, setAdded] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setAdded(false);
    try {
      await api("POST", "/api/warehouses", { name, kind: "rsl", credentials: { apiKey } });
      setApiKey("");
      setAdded(true);
      onAdded();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  return (
    <form className="card settings-form" aria-labelledby="add-rsl" onSubmit={(e) => void submit(e)}>
      <h2 id="add-rsl">RSLを追加</h2>
      <Field label="倉庫名" path="name" error={error}>
        <input value={name} maxLength={50} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="APIキー" path="credentials.apiKey" error={error} hint="保存後は表示しません">
        <input
          type="password"
          autoComplete="off"
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
        />
      </Field>
      <div className="action-row">
        <button type="submit" className="button button-primary" disabled={!name.trim() || !apiKey.trim()}>
          追加する
        </button>
      </div>
      {added && <Notice>RSLを追加しました。</Notice>}
      <ErrorNotice error={error} title="追加できませんでした" />
    </form>
  );
}
