import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { MailCategory, Product, ProductPage, TriggerKind } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { Can } from "../session/can.tsx";
import { labelOf, useReference } from "../shell/reference-data.tsx";
import { useConfirm } from "../ui/confirm-dialog.tsx";
import { Field } from "../ui/field.tsx";
import { Empty, ErrorNotice, Loading, Notice } from "../ui/states.tsx";
import { delayLabel, MailNav } from "./mail-nav.tsx";

/** メールカテゴリー: when a mail goes out — which status, how long after, for which product. */
export function MailCategoriesScreen() {
  const { vocabulary } = useReference();
  const list = useApi<{ items: MailCategory[] }>("/api/mail-categories");
  const products = useApi<ProductPage>("/api/products?limit=500");
  const [editing, setEditing] = useState<MailCategory | "new">();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const statusesOf = (kind: TriggerKind) =>
    kind === "order_status" ? vocabulary.orderStatuses : vocabulary.shippingStatuses;
  const productName = (id: string | null) => products.data?.items.find((p) => p.id === id)?.name ?? "";

  const confirm = useConfirm();
  const remove = async (c: MailCategory) => {
    const ok = await confirm.ask({
      title: "カテゴリーを削除",
      message: `カテゴリー「${c.name}」とそのテンプレートを削除します。`,
      confirmLabel: "削除する",
      danger: true,
    });
    if (!ok) return;
    setError(undefined);
    try {
      await api("DELETE", `/api/mail-categories/${c.id}`);
      list.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };

  return (
    <section className="screen">
      {confirm.dialog}
      <header className="screen-header">
        <h1>メールカテゴリー</h1>
        <Can permission="mail:write">
          <button type="button" className="button button-primary" onClick={() => setEditing("new")}>
            カテゴリーを追加
          </button>
        </Can>
      </header>
      <MailNav />
      {saved && <Notice>カテゴリーを保存しました。</Notice>}
      <ErrorNotice error={list.error ?? error} title={error ? "削除できませんでした" : undefined} />
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>
          カテゴリーはまだありません。「メールテンプレート」で標準テンプレートをコピーすると作られます。
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>カテゴリー名</th>
                <th>送信条件</th>
                <th>タイミング</th>
                <th>対象商品</th>
                <th>有効</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>
                    {c.triggerKind === "order_status" ? "注文" : "出荷"}ステータスが「
                    {labelOf(statusesOf(c.triggerKind), c.triggerStatus)}」になった時
                  </td>
                  <td>{delayLabel(c.delayMinutes)}</td>
                  <td>
                    {c.productId ? (
                      `${productName(c.productId)}(優先度 ${c.priority})`
                    ) : (
                      <span className="muted">すべて</span>
                    )}
                  </td>
                  <td>{c.enabled ? "有効" : <span className="muted">無効</span>}</td>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        setSaved(false);
                        setEditing(c);
                      }}
                    >
                      編集
                    </button>{" "}
                    <Can permission="mail:write">
                      <button
                        type="button"
                        className="button button-danger-quiet"
                        onClick={() => void remove(c)}
                      >
                        削除
                      </button>
                    </Can>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <CategoryForm
          key={editing === "new" ? "new" : editing.id}
          category={editing === "new" ? undefined : editing}
          products={products.data?.items ?? []}
          onSaved={() => {
            setSaved(true);
            setEditing(undefined);
            list.reload();
          }}
          onCancel={() => setEditing(undefined)}
        />
      )}
    </section>
  );
}

function CategoryForm({
  category,
  products,
  onSaved,
  onCancel,
}: {
  category: MailCategory | undefined;
  products: Product[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { vocabulary } = useReference();
  const [name, setName] = useState(category?.name ?? "");
  const [enabled, setEnabled] = useState(category?.enabled ?? true);
  const [kind, setKind] = useState<TriggerKind>(category?.triggerKind ?? "order_status");
  const [status, setStatus] = useState(category?.triggerStatus ?? "confirmed");
  const [days, setDays] = useState(Math.floor((category?.delayMinutes ?? 0) / 1440));
  const [hours, setHours] = useState(Math.floor(((category?.delayMinutes ?? 0) % 1440) / 60));
  const [productId, setProductId] = useState(category?.productId ?? "");
  const [priority, setPriority] = useState(category?.priority ?? 0);
  const [error, setError] = useState<ApiError>();
  const statuses = kind === "order_status" ? vocabulary.orderStatuses : vocabulary.shippingStatuses;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    // Minutes below an hour are kept when the merchant edits a category made through the API.
    const delayMinutes = days * 1440 + hours * 60 + ((category?.delayMinutes ?? 0) % 60);
    const body = {
      name,
      enabled,
      triggerKind: kind,
      triggerStatus: status,
      delayMinutes,
      productId: productId || null,
      priority,
    };
    try {
      await api(
        category ? "PATCH" : "POST",
        category ? `/api/mail-categories/${category.id}` : "/api/mail-categories",
        body,
      );
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };

  return (
    <form className="card settings-form" aria-labelledby="category-form" onSubmit={(e) => void submit(e)}>
      <h2 id="category-form">{category ? `カテゴリー「${category.name}」を編集` : "カテゴリーを追加"}</h2>
      <Field label="カテゴリー名" path="name" error={error}>
        <input value={name} maxLength={50} onChange={(e) => setName(e.target.value)} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> 有効
      </label>
      <div className="form-row">
        <Field label="送信条件" path="triggerKind" error={error}>
          <select
            value={kind}
            onChange={(e) => {
              const next = e.target.value as TriggerKind;
              setKind(next);
              setStatus(next === "order_status" ? "confirmed" : "shipped");
            }}
          >
            <option value="order_status">注文ステータス</option>
            <option value="shipping_status">出荷ステータス</option>
          </select>
        </Field>
        <Field label="ステータス" path="triggerStatus" error={error}>
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            {statuses.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-row">
        <Field label="日後" path="delayMinutes" error={error} hint="0日0時間 = すぐに送信">
          <input
            type="number"
            className="input-short"
            min={0}
            max={90}
            value={days}
            onChange={(e) => setDays(Math.max(0, Number(e.target.value) || 0))}
          />
        </Field>
        <Field label="時間後">
          <input
            type="number"
            className="input-short"
            min={0}
            max={23}
            value={hours}
            onChange={(e) => setHours(Math.max(0, Number(e.target.value) || 0))}
          />
        </Field>
      </div>
      <Field label="対象商品" path="productId" error={error} hint="選ぶと、その商品を含む注文だけに送ります">
        <select value={productId} onChange={(e) => setProductId(e.target.value)}>
          <option value="">すべての注文</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.sku} {p.name}
            </option>
          ))}
        </select>
      </Field>
      {productId && (
        <Field
          label="優先度"
          path="priority"
          error={error}
          hint="この商品を含む注文には、同じタイミングの「すべての注文」向けメールの代わりにこちらを送ります。複数の商品メールが当てはまる時は優先度の大きいものを1通だけ送ります(0〜100)"
        >
          <input
            type="number"
            className="input-short"
            min={0}
            max={100}
            value={priority}
            onChange={(e) => setPriority(Math.max(0, Number(e.target.value) || 0))}
          />
        </Field>
      )}
      <div className="action-row">
        <button type="submit" className="button button-primary" disabled={!name.trim()}>
          保存する
        </button>
        <button type="button" className="button" onClick={onCancel}>
          閉じる
        </button>
      </div>
      <ErrorNotice error={error} title="保存できませんでした" />
    </form>
  );
}
