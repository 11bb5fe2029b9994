import { useState } from "react";
import { query } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
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
          <nav className="pager" aria-label="ページ">
            <button
              type="button"
              className="button"
              disabled={cursors.length < 2}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              ← 前へ
            </button>
            <button
              type="button"
              className="button"
              disabled={!page.data.nextCursor}
              onClick={() => setCursors([...cursors, page.data?.nextCursor ?? ""])}
            >
              次へ →
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
