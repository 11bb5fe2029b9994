import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { CustomerRank } from "../customers/types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";

/** A number input's value for the API: blank is no minimum (null). */
const numberOrNull = (typed: string) => (typed.trim() === "" ? null : Number(typed));

/** One rank of 顧客ランク設定: name, priority, and minimum orders and/or amount over a period. */
export function CustomerRankForm({
  rank,
  nextPriority,
  onSaved,
  onCancel,
}: {
  rank: CustomerRank | null;
  nextPriority: number;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(rank?.name ?? "");
  const [priority, setPriority] = useState(String(rank?.priority ?? nextPriority));
  const [minOrderCount, setMinOrderCount] = useState(String(rank?.minOrderCount ?? ""));
  const [minAmount, setMinAmount] = useState(String(rank?.minAmount ?? ""));
  const [periodDays, setPeriodDays] = useState(String(rank?.periodDays ?? 365));
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const body = {
      name,
      priority: Number(priority),
      minOrderCount: numberOrNull(minOrderCount),
      minAmount: numberOrNull(minAmount),
      periodDays: Number(periodDays),
    };
    try {
      await (rank
        ? api("PUT", `/api/customer-ranks/${rank.id}`, body)
        : api("POST", "/api/customer-ranks", body));
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card settings-form"
      onSubmit={(e) => void save(e)}
      aria-label={rank ? `顧客ランク「${rank.name}」の編集` : "顧客ランクの追加"}
    >
      <h2>{rank ? `顧客ランク「${rank.name}」を編集` : "顧客ランクを追加"}</h2>
      <ErrorNotice error={error} />
      <Field label="ランク名" path="name" error={error}>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={30} />
      </Field>
      <Field
        label="優先順位"
        path="priority"
        error={error}
        hint="1から順に判定し、最初に条件を満たしたランクになります"
      >
        <input type="number" min={1} value={priority} onChange={(e) => setPriority(e.target.value)} />
      </Field>
      <Field
        label="集計期間(日)"
        path="periodDays"
        error={error}
        hint="今日(日本時間)までの日数。365なら過去1年"
      >
        <input type="number" min={1} value={periodDays} onChange={(e) => setPeriodDays(e.target.value)} />
      </Field>
      <Field label="購入回数(以上)" path="minOrderCount" error={error} hint="空欄なら回数は問いません">
        <input
          type="number"
          min={1}
          value={minOrderCount}
          onChange={(e) => setMinOrderCount(e.target.value)}
        />
      </Field>
      <Field
        label="購入金額(円以上)"
        path="minAmount"
        error={error}
        hint="空欄なら金額は問いません。両方あれば両方を満たすこと"
      >
        <input type="number" min={1} value={minAmount} onChange={(e) => setMinAmount(e.target.value)} />
      </Field>
      <div className="action-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          保存
        </button>
        <button type="button" className="button" onClick={onCancel}>
          やめる
        </button>
      </div>
    </form>
  );
}
