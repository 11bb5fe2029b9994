import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Warehouse } from "../api/types.ts";
import { count, dateTime } from "../format.ts";
import { PlanLocked } from "../plan/plan-lock.tsx";
import { Can, useFeature } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";
import { AddWarehouseForms } from "./add-warehouse-form.tsx";
import { ShippingCutoffForm } from "./shipping-cutoff-form.tsx";
import { StockRoomForm } from "./stock-room-form.tsx";

/** 倉庫設定: the own stock room's slip details, and each 3PL's credentials and results polling. */
export function WarehousesScreen() {
  const { warehouses, reload } = useReference();
  // 3PL linkage (出荷依頼・実績の自動連携) is a plan feature; the own stock room is not.
  const linkage = useFeature("warehouse_linkage");
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
          {w.capabilities.stockRoom && <StockRoomForm warehouse={w} onSaved={reload} />}
          {w.capabilities.resultsPolling && <ResultsPoll warehouse={w} onPolled={reload} />}
          <ShippingCutoffForm warehouse={w} onSaved={reload} />
        </article>
      ))}
      {linkage ? (
        <Can permission="warehouses:write">
          <AddWarehouseForms onAdded={reload} />
        </Can>
      ) : (
        <PlanLocked feature="warehouse_linkage" />
      )}
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
        <dt>接続情報</dt>
        <dd>{warehouse.hasCredentials ? "登録済み" : "未登録"}</dd>
        <dt>出荷実績の取得</dt>
        <dd>
          {warehouse.settings.resultPollMinutes}分ごと ・ 前回 {dateTime(warehouse.resultsPolledAt)}
        </dd>
      </dl>
      <div className="action-row">
        <Can permission="warehouses:write">
          <button type="button" className="button" disabled={busy} onClick={() => void poll()}>
            {busy ? "取得中…" : "今すぐ取得"}
          </button>
        </Can>
      </div>
      {results !== undefined && <Notice>出荷実績を{count(results)}件取得しました。</Notice>}
      <ErrorNotice error={error} title="出荷実績を取得できませんでした" />
    </>
  );
}
