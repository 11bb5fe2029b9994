import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Warehouse } from "../api/types.ts";
import { Can } from "../session/can.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";

/** 出荷締め時刻: what 要対応 measures today's shipments against; empty clears it. */
export function ShippingCutoffForm({ warehouse, onSaved }: { warehouse: Warehouse; onSaved: () => void }) {
  const [cutoff, setCutoff] = useState(warehouse.settings.shippingCutoff ?? "");
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await api("PATCH", `/api/warehouses/${warehouse.id}`, { settings: { shippingCutoff: cutoff || null } });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  return (
    <form
      className="inline-group"
      onSubmit={(e) => void submit(e)}
      aria-label={`${warehouse.name}の出荷締め時刻`}
    >
      <Field
        label="出荷締め時刻"
        path="settings.shippingCutoff"
        error={error}
        hint="この時刻までに出荷依頼した分が当日出荷になります(空欄なら未設定)"
      >
        <input type="time" value={cutoff} onChange={(e) => setCutoff(e.target.value)} />
      </Field>
      <Can permission="warehouses:write">
        <button type="submit" className="button">
          締め時刻を保存
        </button>
      </Can>
      {saved && <Notice>保存しました。</Notice>}
      <ErrorNotice error={error} title="保存できませんでした" />
    </form>
  );
}
