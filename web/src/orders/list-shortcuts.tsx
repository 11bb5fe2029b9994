import { useMemo, useState } from "react";
import type { OrderSummary } from "../api/types.ts";
import { navigate } from "../shell/router.tsx";
import { Dialog } from "../ui/dialog.tsx";
import { LIST_SHORTCUT_HELP, useShortcuts } from "./use-shortcuts.ts";

/**
 * The order list's keys: / search, j/k move, x select, Enter open, ? help. Answers the row j/k is
 * on and the help overlay (when open) for the screen to render.
 */
export function useListShortcuts(
  orders: readonly OrderSummary[],
  selected: ReadonlySet<string>,
  onSelect: (ids: string[], on: boolean) => void,
) {
  const [activeId, setActiveId] = useState<string>();
  const [help, setHelp] = useState(false);
  const shortcuts = useMemo(() => {
    const index = orders.findIndex((o) => o.id === activeId);
    const moveTo = (next: number) => {
      const row = orders[Math.max(0, Math.min(orders.length - 1, next))];
      if (!row) return false;
      setActiveId(row.id);
      document.querySelector(`tr[data-order-number="${CSS.escape(row.mallOrderNumber)}"]`)?.scrollIntoView({
        block: "nearest",
      });
      return true;
    };
    return [
      {
        key: "/",
        label: "検索",
        run: () => {
          const box = document.querySelector<HTMLInputElement>('form.filters input[type="search"]');
          box?.focus();
          return box !== null;
        },
      },
      { key: "j", label: "次", run: () => moveTo(index + 1) },
      { key: "k", label: "前", run: () => moveTo(index < 0 ? 0 : index - 1) },
      {
        key: "x",
        label: "選択",
        run: () => {
          if (!activeId) return false;
          onSelect([activeId], !selected.has(activeId));
          return true;
        },
      },
      {
        key: "Enter",
        label: "開く",
        run: () => {
          if (!activeId) return false;
          navigate(`/orders/${activeId}`);
          return true;
        },
      },
      {
        key: "?",
        label: "ヘルプ",
        run: () => {
          setHelp(true);
          return true;
        },
      },
    ];
  }, [orders, activeId, selected, onSelect]);
  useShortcuts(shortcuts);
  const overlay = help ? (
    <Dialog title="キーボードショートカット" onClose={() => setHelp(false)}>
      <table className="table shortcut-help">
        <tbody>
          {LIST_SHORTCUT_HELP.map((s) => (
            <tr key={s.key}>
              <th scope="row">
                <kbd>{s.key}</kbd>
              </th>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        入力欄で文字を入力している間は働きません。Shiftを押しながらチェックすると範囲を選択できます。
      </p>
    </Dialog>
  ) : null;
  return { activeId, overlay };
}
