import { useEffect } from "react";

/** `run` answers false when it had nothing to act on: the key then does what it does anyway. */
export type Shortcut = { key: string; label: string; run: () => boolean | undefined };

/** What the ? overlay lists: the list screen's keys, in the order a merchant uses them. */
export const LIST_SHORTCUT_HELP: readonly { key: string; label: string }[] = [
  { key: "/", label: "検索欄へ移動" },
  { key: "j", label: "次の注文" },
  { key: "k", label: "前の注文" },
  { key: "x", label: "注文を選択・解除" },
  { key: "Enter", label: "注文を開く" },
  { key: "?", label: "このヘルプ" },
];

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
/** Enter on a focused link or button is the browser's: it follows the link or presses the button. */
const activating = (event: KeyboardEvent) =>
  event.key === "Enter" && event.target instanceof Element && event.target.closest("a, button") !== null;

/**
 * Single-key shortcuts for a screen. Never while the merchant types in a field or a dialog is open,
 * and never with Ctrl/Alt/Meta, so the browser's own keys keep working.
 */
export function useShortcuts(shortcuts: readonly Shortcut[]): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || typing(event.target) || activating(event)) return;
      if (document.querySelector("dialog[open]")) return;
      const shortcut = shortcuts.find((s) => s.key === event.key);
      if (!shortcut || shortcut.run() === false) return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [shortcuts]);
}
