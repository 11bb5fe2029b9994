import type { MailList } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { MailTable } from "../mail/mail-table.tsx";
import { Link } from "../shell/router.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";

/** The order's mails, as in the メールログ; refreshed because the dispatcher sends on its own tick. */
export function OrderMails({ orderId }: { orderId: string }) {
  const list = useApi<MailList>(`/api/mails?orderId=${orderId}&limit=50`, 15_000);
  return (
    <section className="card span-all" aria-labelledby="mails-title">
      <h2 id="mails-title">メール</h2>
      <ErrorNotice error={list.error} />
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="muted">
          この注文のメールはまだありません(<Link to="/mail/shops">ショップ別設定</Link>
          で送信を有効にできます)。
        </p>
      ) : (
        <MailTable mails={list.data.items} onChanged={list.reload} compact />
      )}
    </section>
  );
}
