import type { Coded } from "../api/types.ts";

/** A choice among one of /api/vocabulary's coded lists: the code is sent, the label is shown. */
export function CodedSelect({
  options,
  value,
  onChange,
  empty,
}: {
  options: readonly Coded[];
  value: string;
  onChange: (code: string) => void;
  /** The label of a first, empty choice ("" is sent), when there is one. */
  empty?: string;
}) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)}>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
