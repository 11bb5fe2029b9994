import { useApi } from "../api/use-api.ts";
import { Link } from "../shell/router.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import { OrderCard } from "./order-card.tsx";
import { BUYER } from "./paths.ts";
import { useBuyer } from "./session.tsx";
import type { BuyerOrderPage } from "./types.ts";

/** TOP: the two things a buyer comes for, then the latest orders. */
export function TopScreen() {
  const session = useBuyer();
  const latest = useApi<BuyerOrderPage>("/api/buyer/orders");
  return (
    <section className="buyer-screen">
      <h1>{session.company.name} 様</h1>
      <div className="buyer-tiles">
        <Link to={BUYER.form} className="buyer-tile buyer-tile-primary">
          発注フォーム
        </Link>
        <Link to={BUYER.history} className="buyer-tile">
          発注履歴
        </Link>
      </div>
      <ErrorNotice error={latest.error} />
      {latest.data && latest.data.items.length > 0 && (
        <>
          <h2>最近の発注</h2>
          <ul className="buyer-cards" aria-label="最近の発注">
            {latest.data.items.slice(0, 3).map((o) => (
              <OrderCard key={o.id} order={o} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
