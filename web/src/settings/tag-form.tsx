import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { DryRun, Tag, TagRule } from "../api/types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import { DryRunPanel } from "./dry-run-panel.tsx";
import { emptyRule, RuleEditor } from "./rule-editor.tsx";

const DRY_RUN_ORDERS = 500;

/** A custom tag: name, colour, hold, and an optional rule with its dry run over recent orders. */
export function TagForm({
  tag,
  onSaved,
  onCancel,
}: {
  tag: Tag | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(tag?.name ?? "");
  const [color, setColor] = useState(tag?.color ?? "#6c757d");
  const [hold, setHold] = useState(tag?.hold ?? false);
  const [rule, setRule] = useState<TagRule | null>(tag?.rule ?? null);
  const [error, setError] = useState<ApiError>();
  const [dryRun, setDryRun] = useState<DryRun>();
  const [busy, setBusy] = useState(false);

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      const body = { name, color, hold, rule };
      await (tag ? api("PATCH", `/api/tags/${tag.id}`, body) : api("POST", "/api/tags", body));
      onSaved();
    });
  };
  const tryRule = (r: TagRule) =>
    attempt(async () =>
      setDryRun(await api<DryRun>("POST", "/api/tags/dry-run", { rule: r, limit: DRY_RUN_ORDERS })),
    );

  return (
    <form
      className="tag-form card"
      onSubmit={save}
      aria-label={tag ? `タグ「${tag.name}」の編集` : "タグの作成"}
    >
      <h2>{tag ? `タグ「${tag.name}」を編集` : "タグを作成"}</h2>
      <div className="form-row">
        <Field label="タグ名" path="name" error={error}>
          <input required maxLength={30} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="色" path="color" error={error}>
          <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={hold} onChange={(e) => setHold(e.target.checked)} />
          保留(このタグが付いた注文は確認待で止まる)
        </label>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={rule !== null}
          onChange={(e) => {
            setRule(e.target.checked ? emptyRule() : null);
            setDryRun(undefined);
          }}
        />
        条件に一致した注文に自動で付ける(確認待になるときに判定)
      </label>
      {rule && (
        <>
          <RuleEditor
            rule={rule}
            onChange={(r) => {
              setRule(r);
              setDryRun(undefined);
            }}
          />
          <button type="button" className="button" disabled={busy} onClick={() => void tryRule(rule)}>
            直近{DRY_RUN_ORDERS}件で試し実行
          </button>
        </>
      )}
      <ErrorNotice error={error} />
      {dryRun && rule && <DryRunPanel result={dryRun} />}
      <div className="action-row">
        <button type="button" className="button" onClick={onCancel}>
          やめる
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          保存
        </button>
      </div>
    </form>
  );
}
