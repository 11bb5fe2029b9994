import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { WarehouseKind } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";

/**
 * 倉庫を追加: one form per registered 3PL kind, its credential fields as the API lists them, so a new
 * warehouse kind needs no screen of its own. The own stock room comes with the account.
 */
export function AddWarehouseForms({ onAdded }: { onAdded: () => void }) {
  const kinds = useApi<{ items: WarehouseKind[] }>("/api/warehouse-kinds");
  const addable = (kinds.data?.items ?? []).filter((k) => k.credentials.length > 0);
  return (
    <>
      {addable.map((k) => (
        <AddWarehouse key={k.kind} kind={k} onAdded={onAdded} />
      ))}
      <ErrorNotice error={kinds.error} title="倉庫の種類を読み込めませんでした" />
    </>
  );
}

function AddWarehouse({ kind, onAdded }: { kind: WarehouseKind; onAdded: () => void }) {
  const [name, setName] = useState(kind.label);
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  const [added, setAdded] = useState(false);
  const complete = kind.credentials.every((f) => (credentials[f.key] ?? "").trim() !== "");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setAdded(false);
    try {
      await api("POST", "/api/warehouses", { name, kind: kind.kind, credentials });
      setCredentials({});
      setAdded(true);
      onAdded();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  const heading = `add-warehouse-${kind.kind}`;
  return (
    <form className="card settings-form" aria-labelledby={heading} onSubmit={(e) => void submit(e)}>
      <h2 id={heading}>{kind.label}を追加</h2>
      <Field label="倉庫名" path="name" error={error}>
        <input value={name} maxLength={50} onChange={(e) => setName(e.target.value)} />
      </Field>
      {kind.credentials.map((f) => (
        <Field
          key={f.key}
          label={f.label}
          path={`credentials.${f.key}`}
          error={error}
          hint={f.secret ? "保存後は表示しません" : undefined}
        >
          <input
            type={f.secret ? "password" : "text"}
            autoComplete="off"
            maxLength={f.maxLength}
            value={credentials[f.key] ?? ""}
            onChange={(e) => setCredentials((c) => ({ ...c, [f.key]: e.target.value }))}
          />
        </Field>
      ))}
      <div className="action-row">
        <button type="submit" className="button button-primary" disabled={!name.trim() || !complete}>
          追加する
        </button>
      </div>
      {added && <Notice>{kind.label}を追加しました。</Notice>}
      <ErrorNotice error={error} title="追加できませんでした" />
    </form>
  );
}
