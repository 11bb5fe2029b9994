import { useState } from "react";
import { query } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { CursorPager } from "../ui/cursor-pager.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { OrderCard } from "./order-card.tsx";
import type { BuyerOrderPage } from "./types.ts";

/** 発注履歴: this company's orders, newest first, a page at a time. */
export function OrderHistoryScreen() {
  const [cursors, setCursors] = useState<string[]>([""]);
  const cursor = cursors.at(-1) ?? "";
  const page = useApi<BuyerOrderPage>(`/api/buyer/orders${query({ cursor })}`);
  return (
    <section className="buyer-screen" aria-busy={page.loading}>
      <h1>発注履歴</h1>
      <ErrorNotice error={page.error} />
      {!page.data ? (
        !page.error && <Loading />
      ) : page.data.items.length === 0 ? (
        <Empty>
          <p>まだ発注はありません。</p>
        </Empty>
      ) : (
        <>
          <ul className="buyer-cards" aria-label="発注履歴">
            {page.data.items.map((o) => (
              <OrderCard key={o.id} order={o} />
            ))}
          </ul>
          <CursorPager
            cursor={cursor}
            previous={cursors.slice(0, -1)}
            nextCursor={page.data.nextCursor}
            goTo={(next, back) => setCursors(back ? cursors.slice(0, -1) : [...cursors, next])}
          />
        </>
      )}
    </section>
  );
}
