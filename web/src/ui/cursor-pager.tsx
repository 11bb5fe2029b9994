import type { ReactNode } from "react";

/**
 * ← 前へ / 次へ → over a cursor-paged list. The API only knows the way forward, so the screen keeps
 * the cursors it came through and goes back along them.
 */
export function CursorPager({
  summary,
  cursor,
  previous,
  nextCursor,
  goTo,
}: {
  summary?: ReactNode;
  /** This page's cursor ("" on the first page). */
  cursor: string;
  /** The cursors of the pages before this one, oldest first. */
  previous: string[];
  nextCursor: string | null | undefined;
  goTo: (cursor: string, back: boolean) => void;
}) {
  return (
    <nav className="pager" aria-label="ページ">
      {summary && <span>{summary}</span>}
      <button
        type="button"
        className="button"
        disabled={!cursor}
        onClick={() => goTo(previous.at(-1) ?? "", true)}
      >
        ← 前へ
      </button>
      <button
        type="button"
        className="button"
        disabled={!nextCursor}
        onClick={() => goTo(nextCursor ?? "", false)}
      >
        次へ →
      </button>
    </nav>
  );
}
