import { useState } from "react";
import { type ApiError, api } from "../api/client.ts";
import type { Mapping, MappingPage, UnmappedItem, UnmappedItems } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count } from "../format.ts";
import { Can } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { Link, useLocation } from "../shell/router.tsx";
import { useConfirm } from "../ui/confirm-dialog.tsx";
import { Empty, ErrorNotice, Loading, Notice } from "../ui/states.tsx";
import { MapItemForm } from "./map-item-form.tsx";

const keyOf = (i: { shopId: string; mallItemCode: string; mallSkuCode: string | null }) =>
  `${i.shopId}|${i.mallItemCode}|${i.mallSkuCode ?? ""}`;

/** 商品マッピング: the 未マッピング queue first (what holds orders back), then the mappings in place. */
export function MappingsScreen() {
  const { search } = useLocation();
  const tab = search.get("tab") === "mapped" ? "mapped" : "unmapped";
  const unmapped = useApi<UnmappedItems>("/api/product-mappings/unmapped?limit=200");
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>商品マッピング</h1>
      </header>
      <nav className="status-tabs" aria-label="表示">
        <Link to="/mappings" className="status-tab" aria-current={tab === "unmapped" ? "page" : undefined}>
          <span className="status-tab-label">未マッピング</span>
          <span className="status-tab-count">{unmapped.data ? count(unmapped.data.total) : "…"}</span>
        </Link>
        <Link
          to="/mappings?tab=mapped"
          className="status-tab"
          aria-current={tab === "mapped" ? "page" : undefined}
        >
          <span className="status-tab-label">登録済み</span>
        </Link>
      </nav>
      {tab === "unmapped" ? <UnmappedQueue loaded={unmapped} /> : <MappedList />}
    </section>
  );
}

function UnmappedQueue({ loaded }: { loaded: ReturnType<typeof useApi<UnmappedItems>> }) {
  const { shops } = useReference();
  const [open, setOpen] = useState<string>();
  const [done, setDone] = useState<{ item: UnmappedItem; mapping: Mapping }>();
  if (!loaded.data) return loaded.error ? <ErrorNotice error={loaded.error} /> : <Loading />;
  return (
    <>
      <p className="muted">
        注文に出てきたのに商品マスタに紐付いていないモール商品です。紐付けると、待っていた注文は自動で先へ進みます。
      </p>
      {done && (
        <Notice>
          {done.item.mallItemCode} を {done.mapping.components.map((c) => `${c.sku}×${c.quantity}`).join("+")}{" "}
          に紐付けました。待っていた{count(done.item.orderCount)}件の注文は先へ進みます。{" "}
          <Link to={`/orders?q=${encodeURIComponent(done.item.name)}`}>注文を見る</Link>
        </Notice>
      )}
      {loaded.data.items.length === 0 ? (
        <Empty>未マッピングの商品はありません。</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>ショップ</th>
                <th>商品管理番号</th>
                <th>SKU</th>
                <th>商品名(注文より)</th>
                <th className="num">待っている注文</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {loaded.data.items.map((item) => (
                <UnmappedRow
                  key={keyOf(item)}
                  item={item}
                  shopName={shops.find((s) => s.id === item.shopId)?.name ?? ""}
                  open={open === keyOf(item)}
                  onToggle={(on) => setOpen(on ? keyOf(item) : undefined)}
                  onMapped={(mapping) => {
                    setOpen(undefined);
                    setDone({ item, mapping });
                    loaded.reload();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function UnmappedRow(props: {
  item: UnmappedItem;
  shopName: string;
  open: boolean;
  onToggle: (on: boolean) => void;
  onMapped: (mapping: Mapping) => void;
}) {
  const { item } = props;
  return (
    <>
      <tr data-item-code={item.mallItemCode}>
        <td>{props.shopName}</td>
        <td>
          <code>{item.mallItemCode}</code>
        </td>
        <td>{item.mallSkuCode ? <code>{item.mallSkuCode}</code> : <span className="muted">—</span>}</td>
        <td>{item.name}</td>
        <td className="num">{count(item.orderCount)}件</td>
        <td>
          <Can permission="catalog:write">
            <button
              type="button"
              className="button button-primary"
              aria-expanded={props.open}
              onClick={() => props.onToggle(!props.open)}
            >
              マッピング
            </button>
          </Can>
        </td>
      </tr>
      {props.open && (
        <tr className="row-editor">
          <td colSpan={6}>
            <MapItemForm item={item} onMapped={props.onMapped} onCancel={() => props.onToggle(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

function MappedList() {
  const { shops } = useReference();
  const list = useApi<MappingPage>("/api/product-mappings?limit=200");
  const [error, setError] = useState<ApiError>();
  const confirm = useConfirm();
  const remove = async (m: MappingPage["items"][number]) => {
    const ok = await confirm.ask({
      title: "マッピングを削除",
      message: `「${m.mallItemCode}」の紐付けを削除します。この商品の新しい注文は未マッピングで止まるようになります。`,
      confirmLabel: "削除する",
      danger: true,
    });
    if (!ok) return;
    const id = m.id;
    setError(undefined);
    try {
      await api("DELETE", `/api/product-mappings/${id}`);
      list.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  if (!list.data) return list.error ? <ErrorNotice error={list.error} /> : <Loading />;
  if (list.data.items.length === 0) return <Empty>登録済みのマッピングはまだありません。</Empty>;
  return (
    <div className="table-wrap">
      {confirm.dialog}
      <ErrorNotice error={error} />
      <table className="table">
        <thead>
          <tr>
            <th>ショップ</th>
            <th>商品管理番号</th>
            <th>SKU</th>
            <th>商品(数量)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.data.items.map((m) => (
            <tr key={m.id}>
              <td>{shops.find((s) => s.id === m.shopId)?.name}</td>
              <td>
                <code>{m.mallItemCode}</code>
              </td>
              <td>{m.mallSkuCode ?? <span className="muted">すべて</span>}</td>
              <td>{m.components.map((c) => `${c.sku} ${c.name} ×${c.quantity}`).join("、")}</td>
              <td>
                <Can permission="catalog:write">
                  <button type="button" className="button button-quiet" onClick={() => void remove(m)}>
                    削除
                  </button>
                </Can>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data.total > list.data.items.length && (
        <p className="muted">
          先頭の{count(list.data.items.length)}件を表示しています(全{count(list.data.total)}件)。
        </p>
      )}
    </div>
  );
}
