/** A from–to pair of Tokyo calendar days (both ends included), labelled for screen readers per end. */
export function DateRange({
  label,
  from,
  to,
  onFrom,
  onTo,
}: {
  label: string;
  from: string;
  to: string;
  onFrom: (day: string) => void;
  onTo: (day: string) => void;
}) {
  return (
    <span className="date-range">
      <label className="inline-field">
        {label} から
        <input
          type="date"
          aria-label={`${label}(から)`}
          value={from}
          onChange={(e) => onFrom(e.target.value)}
        />
      </label>
      <label className="inline-field">
        まで
        <input type="date" aria-label={`${label}(まで)`} value={to} onChange={(e) => onTo(e.target.value)} />
      </label>
    </span>
  );
}
