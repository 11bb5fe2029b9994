import { useRef } from "react";

/**
 * Shift-click range selection over the rows on screen: a click remembers its row; a shift-click sets
 * every row between that one and this one to the clicked box's new state, as mail and file lists do.
 */
export function useRowSelection(
  rowIds: readonly string[],
  onSelect: (ids: string[], on: boolean) => void,
): (id: string, on: boolean, shift: boolean) => void {
  const anchor = useRef<string>(undefined);
  return (id, on, shift) => {
    const from = anchor.current === undefined ? -1 : rowIds.indexOf(anchor.current);
    const to = rowIds.indexOf(id);
    anchor.current = id;
    if (!shift || from < 0 || to < 0) return onSelect([id], on);
    const [start, end] = from < to ? [from, to] : [to, from];
    onSelect(rowIds.slice(start, end + 1), on);
  };
}
