import type { TagRef } from "../api/types.ts";

/** The status code picks the colour; the label is always the API's. */
export function StatusBadge({ status, label }: { status: string | null; label: string | null }) {
  if (!status || !label) return <span className="muted">—</span>;
  return <span className={`badge status-${status}`}>{label}</span>;
}

export function TagChip({ tag, system, onRemove }: { tag: TagRef; system?: boolean; onRemove?: () => void }) {
  return (
    <span className="tag-chip" style={{ borderColor: tag.color }}>
      <span className="tag-dot" style={{ background: tag.color }} aria-hidden="true" />
      {tag.name}
      {tag.hold && <span className="tag-hold">保留</span>}
      {system && <span className="tag-kind">システム</span>}
      {onRemove && (
        <button
          type="button"
          className="tag-remove"
          onClick={onRemove}
          aria-label={`タグ「${tag.name}」を外す`}
        >
          ×
        </button>
      )}
    </span>
  );
}
