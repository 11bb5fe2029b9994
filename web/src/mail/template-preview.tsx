import { useEffect, useState } from "react";
import { ApiError, api, query } from "../api/client.ts";
import type { OrderSummary } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { ErrorNotice } from "../ui/states.tsx";

/** The texts as the buyer of a chosen order would get them, rendered by the server. */
export function TemplatePreview({ subject, body }: { subject: string; body: string }) {
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [order, setOrder] = useState<OrderSummary>();
  const [rendered, setRendered] = useState<{ subject: string; body: string }>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useApi<{ items: OrderSummary[] }>(`/api/orders${query({ q, limit: 8 })}`);

  const preview = async (chosen: OrderSummary) => {
    setOrder(chosen);
    setError(undefined);
    try {
      setRendered(await api("POST", "/api/mail-templates/preview", { subject, body, orderId: chosen.id }));
    } catch (e) {
      setRendered(undefined);
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };

  return (
    <section className="template-preview" aria-labelledby="preview-title">
      <h3 id="preview-title">プレビュー</h3>
      <div className="form-row">
        <input
          type="search"
          aria-label="プレビューする注文を検索"
          placeholder="注文番号・購入者名で検索"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {order && (
          <button type="button" className="button" onClick={() => void preview(order)}>
            {order.mallOrderNumber} で再表示
          </button>
        )}
      </div>
      <ul className="picker-results" aria-label="プレビューに使う注文">
        {found.data?.items.map((o) => (
          <li key={o.id}>
            <button type="button" className="picker-option" onClick={() => void preview(o)}>
              <code>{o.mallOrderNumber}</code> <span className="muted">{o.statusLabel}</span>
            </button>
          </li>
        ))}
        {found.data?.items.length === 0 && <li className="muted">該当する注文がありません。</li>}
      </ul>
      <ErrorNotice error={error} title="プレビューできませんでした" />
      {rendered && order && (
        <section className="mail-rendered" aria-label="プレビュー結果">
          <p className="muted">注文 {order.mallOrderNumber} で差し込みました(編集中の内容、未保存でも可)。</p>
          <p>
            <strong>件名:</strong> {rendered.subject}
          </p>
          <pre className="mail-body">{rendered.body}</pre>
        </section>
      )}
    </section>
  );
}
