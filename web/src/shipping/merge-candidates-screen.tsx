import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { MergeCandidate } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count } from "../format.ts";
import { Can } from "../session/can.tsx";
import { labelOf, useReference } from "../shell/reference-data.tsx";
import { Link } from "../shell/router.tsx";
import { StatusBadge } from "../ui/badges.tsx";
import { Empty, ErrorNotice, Loading, Notice } from "../ui/states.tsx";
import { ShippingNav } from "./shipping-nav.tsx";

/** 同梱候補: shipments to one buyer and address from the same warehouse, not yet requested. */
export function MergeCandidatesScreen() {
  const { vocabulary } = useReference();
  const candidates = useApi<{ groups: MergeCandidate[][] }>("/api/shipments/merge-candidates");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [merged, setMerged] = useState<string>();

  const merge = async (group: MergeCandidate[]) => {
    setBusy(true);
    setError(undefined);
    setMerged(undefined);
    try {
      await api("POST", "/api/shipments/merge", { shipmentIds: group.map((c) => c.shipmentId) });
      setMerged(group.map((c) => c.mallOrderNumber).join("、"));
      candidates.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  const groups = candidates.data?.groups;

  return (
    <section className="screen" aria-busy={candidates.loading || busy}>
      <header className="screen-header">
        <h1>同梱候補</h1>
      </header>
      <ShippingNav />
      {merged && <Notice>注文 {merged} を1つの荷物にまとめました。</Notice>}
      <ErrorNotice error={error} title="同梱できませんでした" />
      <ErrorNotice error={candidates.error} />
      {!groups ? (
        !candidates.error && <Loading />
      ) : groups.length === 0 ? (
        <Empty>同梱できる出荷はありません。</Empty>
      ) : (
        groups.map((group) => {
          const head = group[0];
          return (
            <article key={group.map((c) => c.shipmentId).join()} className="card merge-group">
              <h2>
                {head?.shipToName} 様宛て {count(group.length)}件
              </h2>
              <ul>
                {group.map((c) => (
                  <li key={c.shipmentId}>
                    <Link to={`/orders/${c.orderId}`}>{c.mallOrderNumber}</Link>(購入者 {c.buyerName}){" "}
                    <StatusBadge status={c.status} label={labelOf(vocabulary.shippingStatuses, c.status)} />
                  </li>
                ))}
              </ul>
              <div className="action-row">
                <Can permission="shipping:write">
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={busy}
                    onClick={() => void merge(group)}
                  >
                    同梱する
                  </button>
                </Can>
              </div>
            </article>
          );
        })
      )}
    </section>
  );
}
