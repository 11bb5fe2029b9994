import { count, dateTime } from "../format.ts";
import { Link } from "../shell/router.tsx";
import { attentionLinks } from "./attention-links.ts";
import type { Attention } from "./attention-screen.tsx";

/** 本日の出荷: per warehouse, what waits for its request, what is at the warehouse, and the cut-off. */
export function WarehouseLines({ warehouses }: { warehouses: Attention["warehouses"] }) {
  if (warehouses.length === 0) return null;
  return (
    <section className="card" aria-labelledby="attention-shipping">
      <h2 id="attention-shipping">本日の出荷</h2>
      <ul className="attention-lines">
        {warehouses.map((w) => (
          <li key={w.warehouseId} className="attention-line" data-warehouse={w.name}>
            <div className="attention-head">
              <strong>{w.name}</strong>
              {w.cutoff ? (
                <span className={w.cutoffPassed ? "attention-late" : "muted"}>
                  締め {w.cutoff}
                  {w.cutoffPassed && "(過ぎました。これからの依頼は翌営業日の出荷です)"}
                </span>
              ) : (
                <span className="muted">
                  締め時刻未設定(<Link to={attentionLinks.warehouses}>倉庫設定</Link>で設定できます)
                </span>
              )}
            </div>
            <p>
              <Link to={attentionLinks.shipments(w.warehouseId, "awaiting_shipment")}>
                出荷待ち {count(w.awaitingRequest)}件
              </Link>
              {" ・ "}
              <Link to={attentionLinks.shipments(w.warehouseId, "shipping")}>
                出荷中 {count(w.shipping)}件
              </Link>
              (本日出荷予定 {count(w.dueToday)}件
              {w.overdue > 0 && (
                <span className="attention-late">・予定日を過ぎたもの {count(w.overdue)}件</span>
              )}
              )
              {w.unshippable > 0 && (
                <>
                  {" ・ "}
                  <Link to={attentionLinks.shipments(w.warehouseId, "unshippable")} className="warning-link">
                    出荷不可 {count(w.unshippable)}件
                  </Link>
                </>
              )}
            </p>
            {w.unshippable > 0 && (
              <p className="attention-action">
                出荷不可の出荷は理由を確かめ、出荷一覧で再依頼するか注文をキャンセルしてください。
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Buyers' cancel requests (R-Messe) not yet 対応完了: to the inbox's キャンセル希望 tab. */
export function CancelRequestLine({ requests }: { requests: Attention["cancelRequests"] }) {
  if (requests.count === 0) return null;
  return (
    <section className="card" aria-labelledby="attention-inquiries">
      <h2 id="attention-inquiries">問い合わせ</h2>
      <ul className="attention-lines">
        <li className="attention-line attention-error" data-inquiries="cancel">
          <div className="attention-head">
            <span className="attention-group">キャンセル希望</span>
            <strong>対応が終わっていないキャンセル希望</strong>
            <Link to={attentionLinks.cancelRequests} className="attention-count">
              {count(requests.count)}件
            </Link>
            <span className="muted">最新 {dateTime(requests.latestAt)}</span>
          </div>
          <p className="attention-action">{requests.action}</p>
        </li>
      </ul>
    </section>
  );
}

/** 取込失敗, credentials running out and mails that did not go: each with the settings screen that fixes it. */
export function ShopAndMailLines({ attention: a }: { attention: Attention }) {
  if (a.importFailures.length + a.credentials.length === 0 && a.failedMails.count === 0) return null;
  return (
    <section className="card" aria-labelledby="attention-settings">
      <h2 id="attention-settings">取込・接続・メール</h2>
      <ul className="attention-lines">
        {a.importFailures.map((f) => (
          <li key={f.runId} className="attention-line attention-error" data-import={f.shopName}>
            <div className="attention-head">
              <span className="attention-group">取込失敗</span>
              <strong>{f.shopName}</strong>
              <span className="muted">{dateTime(f.startedAt)}</span>
              <Link
                to={
                  f.kind === "mall" ? attentionLinks.mallImports(f.shopId) : attentionLinks.csvImport(f.runId)
                }
              >
                {f.failed > 0 ? `取り込めなかった注文 ${count(f.failed)}件` : "取込ログを見る"}
              </Link>
            </div>
            {f.message && <p className="muted">{f.message}</p>}
            <p className="attention-action">{f.action}</p>
          </li>
        ))}
        {a.credentials.map((c) => (
          <li key={c.shopId} className="attention-line attention-error" data-credentials={c.shopName}>
            <div className="attention-head">
              <span className="attention-group">{c.level === "expired" ? "期限切れ" : "期限間近"}</span>
              <strong>{c.shopName}</strong>
              <span className="muted">有効期限 {dateTime(c.expiresAt)}</span>
              <Link to={attentionLinks.shop(c.shopId)}>ショップ設定で登録し直す</Link>
            </div>
            <p className="attention-action">{c.message}</p>
          </li>
        ))}
        {a.failedMails.count > 0 && (
          <li className="attention-line attention-error" data-mails="failed">
            <div className="attention-head">
              <span className="attention-group">メール</span>
              <strong>送信できなかったメール</strong>
              <Link to={attentionLinks.failedMails}>{count(a.failedMails.count)}件</Link>
            </div>
            <p className="attention-action">{a.failedMails.action}</p>
          </li>
        )}
      </ul>
    </section>
  );
}
