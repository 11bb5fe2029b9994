import { useApi } from "../api/use-api.ts";
import type { CustomerRank } from "./types.ts";

/** The tag rule's 顧客ランク condition: any of the ranks of 顧客ランク設定, by name. */
export function RankChoice({
  values,
  label,
  onChange,
}: {
  values: string[];
  label: string;
  onChange: (values: string[]) => void;
}) {
  const ranks = useApi<{ items: CustomerRank[] }>("/api/customer-ranks");
  const names = ranks.data?.items.map((r) => r.name) ?? [];
  // A rank renamed or deleted since stays listed, so the condition shows what it really holds.
  const options = [...names, ...values.filter((v) => !names.includes(v))];
  return (
    <>
      <select
        multiple
        aria-label={label}
        className="multi-select"
        value={values}
        onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
      >
        {options.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      のいずれか
      {ranks.data && names.length === 0 && (
        <span className="muted">(顧客ランク設定でランクを作ってください)</span>
      )}
    </>
  );
}
