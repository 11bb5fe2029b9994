import { type FormEvent, useEffect, useState } from "react";
import { useFeature } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { navigate } from "../shell/router.tsx";
import { DateRange } from "./date-range.tsx";
import { hasDetailedFilters, type ListFilters, listHref } from "./list-query.ts";

/** Free text, shop and the 詳細検索 (shipping status, tag, dates, 削除済みを含む); applied on 検索. */
export function OrderFilters({ filters }: { filters: ListFilters }) {
  const { shops, tags, vocabulary } = useReference();
  const [draft, setDraft] = useState(filters);
  const b2b = useFeature("b2b_desk");
  useEffect(() => setDraft(filters), [filters]);

  const apply = (next: ListFilters) => navigate(listHref({ ...next, cursor: "" }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const set =
    <K extends keyof ListFilters>(key: K, immediate = false) =>
    (value: ListFilters[K]) => {
      const next = { ...draft, [key]: value };
      setDraft(next);
      if (immediate) apply(next);
    };

  return (
    <form className="filters" onSubmit={submit} aria-label="注文の検索">
      <div className="filters-row">
        <input
          type="search"
          className="filters-q"
          aria-label="注文番号・名前・電話番号などで検索"
          placeholder="注文番号・出荷番号・伝票番号・名前・カナ・電話・〒・メール"
          value={draft.q}
          onChange={(e) => set("q")(e.target.value)}
        />
        <select
          aria-label="ショップ"
          value={draft.shopId}
          onChange={(e) => set("shopId", true)(e.target.value)}
        >
          <option value="">すべてのショップ</option>
          {shops.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}({s.channelLabel})
            </option>
          ))}
        </select>
        <select
          aria-label="並び順"
          value={draft.sort}
          onChange={(e) => set("sort", true)(e.target.value as ListFilters["sort"])}
        >
          <option value="-orderedAt">注文日時の新しい順</option>
          <option value="orderedAt">注文日時の古い順</option>
        </select>
        <button type="submit" className="button button-primary">
          検索
        </button>
        <button type="button" className="button button-quiet" onClick={() => apply(blank(filters.status))}>
          条件をクリア
        </button>
      </div>
      <details className="filters-detail" open={hasDetailedFilters(filters)}>
        <summary>詳細検索</summary>
        <div className="filters-row">
          <label className="inline-field">
            出荷ステータス
            <select
              aria-label="出荷ステータス"
              value={draft.shippingStatus}
              onChange={(e) => set("shippingStatus")(e.target.value)}
            >
              <option value="">指定なし</option>
              {vocabulary.shippingStatuses.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            タグ
            <select aria-label="タグ" value={draft.tag} onChange={(e) => set("tag")(e.target.value)}>
              <option value="">指定なし</option>
              {tags.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            注文日 から
            <input
              type="date"
              aria-label="注文日(から)"
              value={draft.from}
              onChange={(e) => set("from")(e.target.value)}
            />
          </label>
          <label className="inline-field">
            まで
            <input
              type="date"
              aria-label="注文日(まで)"
              value={draft.to}
              onChange={(e) => set("to")(e.target.value)}
            />
          </label>
          <DateRange
            label="出荷日"
            from={draft.shippedFrom}
            to={draft.shippedTo}
            onFrom={set("shippedFrom")}
            onTo={set("shippedTo")}
          />
          <DateRange
            label="出荷予定日"
            from={draft.plannedFrom}
            to={draft.plannedTo}
            onFrom={set("plannedFrom")}
            onTo={set("plannedTo")}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.deleted}
              onChange={(e) => set("deleted")(e.target.checked)}
            />
            削除済みを含む
          </label>
          {b2b && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={draft.cancelRequested}
                onChange={(e) => set("cancelRequested")(e.target.checked)}
              />
              発注者がキャンセルを希望している注文のみ
            </label>
          )}
        </div>
      </details>
    </form>
  );
}

const blank = (status: string): ListFilters => ({
  status,
  shopId: "",
  shippingStatus: "",
  tag: "",
  q: "",
  from: "",
  to: "",
  shippedFrom: "",
  shippedTo: "",
  plannedFrom: "",
  plannedTo: "",
  deleted: false,
  cancelRequested: false,
  sort: "-orderedAt",
  cursor: "",
});
