import { type ReactNode, useCallback, useRef, useState } from "react";
import { Dialog } from "./dialog.tsx";

export type ConfirmRequest = {
  title: string;
  message: ReactNode;
  /** The button that does it, in the words of what it does (取り下げる, 削除する …). */
  confirmLabel: string;
  danger?: boolean;
};

/**
 * The app's one confirmation before anything destructive (never window.confirm): `ask` opens the
 * dialog and resolves true only when the merchant presses the named button.
 */
export function useConfirm(): { ask: (request: ConfirmRequest) => Promise<boolean>; dialog: ReactNode } {
  const [request, setRequest] = useState<ConfirmRequest>();
  const settle = useRef<(ok: boolean) => void>(undefined);
  const ask = useCallback(
    (next: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        settle.current = resolve;
        setRequest(next);
      }),
    [],
  );
  const close = (ok: boolean) => {
    settle.current?.(ok);
    settle.current = undefined;
    setRequest(undefined);
  };
  const dialog = request ? (
    <Dialog title={request.title} onClose={() => close(false)}>
      <div className="confirm-message">{request.message}</div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => close(false)}>
          やめる
        </button>
        <button
          type="button"
          className={request.danger ? "button button-danger" : "button button-primary"}
          onClick={() => close(true)}
        >
          {request.confirmLabel}
        </button>
      </div>
    </Dialog>
  ) : null;
  return { ask, dialog };
}
