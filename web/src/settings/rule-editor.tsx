import type { TagCondition, TagRule } from "../api/types.ts";
import { RankChoice } from "../customers/rank-choice.tsx";
import { useReference } from "../shell/reference-data.tsx";

/** The condition kinds of the API's tag rule, in the merchant's words. */
const FIELDS: { field: TagCondition["field"]; label: string; make: () => TagCondition }[] = [
  { field: "total", label: "合計金額", make: () => ({ field: "total", op: "gte", value: 10000 }) },
  { field: "remarks", label: "備考", make: () => ({ field: "remarks", op: "not_empty" }) },
  {
    field: "prefecture",
    label: "送付先の都道府県",
    make: () => ({ field: "prefecture", op: "in", values: [] }),
  },
  {
    field: "paymentMethod",
    label: "支払方法",
    make: () => ({ field: "paymentMethod", op: "in", values: [] }),
  },
  { field: "sku", label: "商品コード", make: () => ({ field: "sku", op: "contains", value: "" }) },
  {
    field: "buyerOrderCount",
    label: "購入回数",
    make: () => ({ field: "buyerOrderCount", op: "gte", value: 2 }),
  },
  {
    field: "shipToDiffersFromBuyer",
    label: "送付先が購入者と別",
    make: () => ({ field: "shipToDiffersFromBuyer", op: "is", value: true }),
  },
  {
    field: "customerRank",
    label: "顧客ランク(注文時)",
    make: () => ({ field: "customerRank", op: "in", values: [] }),
  },
];

export const emptyRule = (): TagRule => ({ match: "all", conditions: [FIELDS[0]?.make() as TagCondition] });

export function RuleEditor({ rule, onChange }: { rule: TagRule; onChange: (rule: TagRule) => void }) {
  const replace = (i: number, c: TagCondition) =>
    onChange({ ...rule, conditions: rule.conditions.map((x, j) => (j === i ? c : x)) });
  return (
    <fieldset className="rule-editor">
      <legend>条件</legend>
      <label className="inline-field">
        次の条件の
        <select
          value={rule.match}
          onChange={(e) => onChange({ ...rule, match: e.target.value as TagRule["match"] })}
        >
          <option value="all">すべてに一致</option>
          <option value="any">いずれかに一致</option>
        </select>
      </label>
      <ol className="conditions">
        {rule.conditions.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity but their place.
          <li key={i} className="condition">
            <select
              aria-label={`条件${i + 1}の項目`}
              value={c.field}
              onChange={(e) => replace(i, FIELDS.find((f) => f.field === e.target.value)?.make() ?? c)}
            >
              {FIELDS.map((f) => (
                <option key={f.field} value={f.field}>
                  {f.label}
                </option>
              ))}
            </select>
            <ConditionValue condition={c} index={i} onChange={(next) => replace(i, next)} />
            <button
              type="button"
              className="icon-button"
              aria-label={`条件${i + 1}を削除`}
              disabled={rule.conditions.length === 1}
              onClick={() => onChange({ ...rule, conditions: rule.conditions.filter((_, j) => j !== i) })}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-quiet"
        onClick={() =>
          onChange({ ...rule, conditions: [...rule.conditions, FIELDS[0]?.make() as TagCondition] })
        }
      >
        + 条件を追加
      </button>
    </fieldset>
  );
}

function ConditionValue({
  condition: c,
  index,
  onChange,
}: {
  condition: TagCondition;
  index: number;
  onChange: (c: TagCondition) => void;
}) {
  const { vocabulary } = useReference();
  const label = `条件${index + 1}の値`;
  switch (c.field) {
    case "total":
    case "buyerOrderCount":
      return (
        <>
          <input
            type="number"
            min={0}
            aria-label={label}
            value={c.value}
            onChange={(e) => onChange({ ...c, value: Number(e.target.value) })}
          />
          {c.field === "total" ? "円" : "回"}
          <select
            aria-label={`条件${index + 1}の比較`}
            value={c.op}
            onChange={(e) => onChange({ ...c, op: e.target.value as "gte" | "lte" })}
          >
            <option value="gte">以上</option>
            <option value="lte">以下</option>
          </select>
        </>
      );
    case "remarks":
      return (
        <>
          <select
            aria-label={`条件${index + 1}の比較`}
            value={c.op}
            onChange={(e) =>
              onChange(
                e.target.value === "contains"
                  ? { field: "remarks", op: "contains", value: "" }
                  : { field: "remarks", op: "not_empty" },
              )
            }
          >
            <option value="not_empty">が空でない</option>
            <option value="contains">に次を含む</option>
          </select>
          {c.op === "contains" && (
            <input
              aria-label={label}
              value={c.value}
              onChange={(e) => onChange({ ...c, value: e.target.value })}
            />
          )}
        </>
      );
    case "sku":
      return (
        <>
          に
          <input
            aria-label={label}
            value={c.value}
            onChange={(e) => onChange({ ...c, value: e.target.value })}
          />
          を含む
        </>
      );
    case "prefecture":
    case "paymentMethod": {
      const options =
        c.field === "prefecture"
          ? vocabulary.prefectures.map((p) => ({ code: p, label: p }))
          : vocabulary.paymentMethods;
      return (
        <>
          <select
            multiple
            aria-label={label}
            className="multi-select"
            value={c.values}
            onChange={(e) => onChange({ ...c, values: [...e.target.selectedOptions].map((o) => o.value) })}
          >
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
          のいずれか
        </>
      );
    }
    case "customerRank":
      return <RankChoice values={c.values} label={label} onChange={(values) => onChange({ ...c, values })} />;
    case "shipToDiffersFromBuyer":
      return (
        <select
          aria-label={label}
          value={String(c.value)}
          onChange={(e) => onChange({ ...c, value: e.target.value === "true" })}
        >
          <option value="true">である</option>
          <option value="false">でない</option>
        </select>
      );
  }
}
