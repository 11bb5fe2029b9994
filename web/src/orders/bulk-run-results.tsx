import type { ReactNode } from "react";
import type { BulkRun } from "../api/types.ts";
import { count } from "../format.ts";
import { Link } from "../shell/router.tsx";
import { Dialog } from "../ui/dialog.tsx";

export function BulkSummary({ done, refused }: { done: number; refused: number }) {
  return (
    <p className="bulk-summary" role="status">
      <span className="ok">{count(done)}件 完了</span>
      <span className={refused ? "ng" : "muted"}>{count(refused)}件 できませんでした</span>
    </p>
  );
}

/** The result of a bulk action, whichever way it ran: what it says, then 閉じる. */
export function BulkResultDialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog title={`一括操作の結果: ${title}`} onClose={onClose} wide>
      {children}
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          閉じる
        </button>
      </div>
    </Dialog>
  );
}

/** A run over a whole filter: what was done, and per refusing rule how many orders and which. */
export function BulkRunResults({
  run,
  title,
  onClose,
}: {
  run: BulkRun;
  title: string;
  onClose: () => void;
}) {
  return (
    <BulkResultDialog title={title} onClose={onClose}>
      {run.status === "failed" && (
        <p className="notice" role="alert">
          {run.error ?? "途中で止まりました。それまでの注文は処理済みです。"}
        </p>
      )}
      <BulkSummary done={run.succeeded} refused={run.refused} />
      {run.refusals.length > 0 && (
        <div className="table-wrap">
          <table className="table bulk-refusals">
            <thead>
              <tr>
                <th>できなかった理由</th>
                <th>件数</th>
                <th>注文番号</th>
              </tr>
            </thead>
            <tbody>
              {run.refusals.map((g) => (
                <tr key={`${g.code} ${g.rule ?? ""}`}>
                  <td>
                    {g.detail}
                    <small className="rule-code">{g.rule ?? g.code}</small>
                  </td>
                  <td className="nowrap">{count(g.count)}件</td>
                  <td>
                    {g.orders.map((o) => (
                      <Link key={o.orderId} to={`/orders/${o.orderId}`} className="order-number-chip">
                        {o.mallOrderNumber}
                      </Link>
                    ))}
                    {g.count > g.orders.length && (
                      <span className="muted">ほか{count(g.count - g.orders.length)}件</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </BulkResultDialog>
  );
}
