import { useState } from "react";
import { query } from "../api/client.ts";
import type { Mapping, Order, UnmappedItem, UnmappedItems } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { MapItemForm } from "../catalog/map-item-form.tsx";
import { count, dateTime } from "../format.ts";
import { Can } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { Link, useLocation } from "../shell/router.tsx";
import { StatusBadge } from "../ui/badges.tsx";
import { Empty, ErrorNotice, Loading, Notice } from "../ui/states.tsx";
import { attentionLinks } from "./attention-links.ts";
import { NewProductForm } from "./new-product-form.tsx";

type Line = Order["items"][number];

/**
 * 紐付ける from an order (`/attention/map?order=`): the order's unmapped items, each mapped for the
 * order's own shop with what the buyer chose in view, a missing product registered on the spot. The
 * server moves the order on in the mapping's own transaction; this screen shows where it went.
 */
export function MapFromOrderScreen() {
  const orderId = useLocation().search.get("order") ?? "";
  const loaded = useApi<Order>(orderId ? `/api/orders/${orderId}` : null);
  const shopId = loaded.data?.shopId;
  const queue = useApi<UnmappedItems>(
    shopId ? `/api/product-mappings/unmapped${query({ shopId, limit: 200 })}` : null,
  );
  const { shops } = useReference();
  const [done, setDone] = useState<{ line: Line; mapping: Mapping }[]>([]);
  if (!orderId) return <Empty>注文が指定されていません。</Empty>;
  const order = loaded.data;
  if (!order) return loaded.error ? <ErrorNotice error={loaded.error} /> : <Loading />;
  // One form per mall item: two lines of the same item and SKU are one mapping.
  const unmapped = order.items.filter(
    (line, i, all) =>
      !line.mapped &&
      all.findIndex((l) => l.mallItemCode === line.mallItemCode && l.mallSkuCode === line.mallSkuCode) === i,
  );
  const waiting = (line: Line) =>
    queue.data?.items.find(
      (q) => q.mallItemCode === line.mallItemCode && (q.mallSkuCode ?? "") === line.mallSkuCode,
    );
  return (
    <section className="screen">
      <header className="screen-header">
        <Link to={attentionLinks.order(order.id)} className="back-link">
          ← 注文 {order.mallOrderNumber}
        </Link>
        <h1>商品を紐付ける</h1>
        <p>
          {shops.find((s) => s.id === order.shopId)?.name} ・ 注文 {order.mallOrderNumber} ・{" "}
          {order.buyer.name} 様 ・ {dateTime(order.orderedAt)} ・{" "}
          <StatusBadge status={order.status} label={order.statusLabel} />
        </p>
      </header>
      {done.map(({ line, mapping }) => (
        <Notice key={mapping.id}>
          {line.name} を {mapping.components.map((c) => `${c.sku}×${c.quantity}`).join("+")} に紐付けました。
        </Notice>
      ))}
      {unmapped.length === 0 ? (
        <div className="card">
          <p>
            この注文の商品はすべて紐付いています。注文は「{order.statusLabel}」に進みました
            {order.shippingStatusLabel && `(出荷: ${order.shippingStatusLabel})`}。
          </p>
          <p>
            <Link to={attentionLinks.order(order.id)}>注文を見る</Link> ・{" "}
            <Link to="/attention">要対応へ戻る</Link>
          </p>
        </div>
      ) : (
        unmapped.map((line) => {
          const item: UnmappedItem = waiting(line) ?? {
            shopId: order.shopId,
            mallItemCode: line.mallItemCode,
            mallSkuCode: line.mallSkuCode || null,
            name: line.name,
            orderCount: 1,
          };
          return (
            <section key={line.id} className="card" aria-label={`${line.name} の紐付け`}>
              <h2>{line.name}</h2>
              <dl className="facts">
                <dt>商品管理番号</dt>
                <dd>
                  <code>{line.mallItemCode}</code>
                </dd>
                <dt>SKU</dt>
                <dd>{line.mallSkuCode ? <code>{line.mallSkuCode}</code> : "—"}</dd>
                <dt>選択肢</dt>
                <dd>{line.selectedChoice || "—"}</dd>
                <dt>数量</dt>
                <dd>{count(line.quantity)}</dd>
                <dt>待っている注文</dt>
                <dd>{count(item.orderCount)}件(このショップ)</dd>
              </dl>
              <Can permission="catalog:write">
                <MapItemForm
                  item={item}
                  onMapped={(mapping) => {
                    setDone((d) => [...d, { line, mapping }]);
                    loaded.reload();
                    queue.reload();
                  }}
                  onCancel={() => history.back()}
                  addProduct={(pick) => (
                    <NewProductForm
                      sku={line.mallSkuCode || line.mallItemCode}
                      name={[line.name, line.selectedChoice].filter(Boolean).join(" ")}
                      onCreated={pick}
                    />
                  )}
                />
              </Can>
            </section>
          );
        })
      )}
      <p className="muted">
        ほかの未マッピング商品は <Link to="/mappings">商品マッピング</Link> にあります。
      </p>
    </section>
  );
}
