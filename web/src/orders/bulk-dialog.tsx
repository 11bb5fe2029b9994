import { useState } from "react";
import { ApiError } from "../api/client.ts";
import type { BulkAction, BulkResult, BulkRun } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { count } from "../format.ts";
import { useReference } from "../shell/reference-data.tsx";
import { Link } from "../shell/router.tsx";
import { Dialog } from "../ui/dialog.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import { matchingCountPath, type Progress, runBulk, runOverFilter } from "./bulk-run.ts";
import { BulkResultDialog, BulkRunResults, BulkSummary } from "./bulk-run-results.tsx";
import type { ListFilters } from "./list-query.ts";

export const BULK_LABELS: Record<BulkAction, string> = {
  cancel: "キャンセル",
  markPaid: "入金済みにする",
  attachTag: "タグを付ける",
  removeTag: "タグを外す",
};

/** Chosen rows, or every order of the filter — then the server works through it as a job. */
export type Selection = { ids: string[] } | { allMatching: ListFilters };

/** Confirm → progress → what was done and what was refused, with each refusal's reason. */
export function BulkDialog({
  action,
  selection,
  onClose,
}: {
  action: BulkAction;
  selection: Selection;
  onClose: (changed: boolean) => void;
}) {
  const { tags, shops, vocabulary } = useReference();
  const customTags = tags.filter((t) => t.kind === "custom");
  // The malls of the account's shops each take their own cancel reason: one choice per channel.
  const mallChannels = vocabulary.channels.filter(
    (c) =>
      shops.some((s) => s.channel === c.code) &&
      vocabulary.mallCancelReasons.some((r) => r.channel === c.code),
  );
  const [mallReasons, setMallReasons] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      mallChannels.map((c) => [
        c.code,
        vocabulary.mallCancelReasons.find((r) => r.channel === c.code)?.code ?? "",
      ]),
    ),
  );
  const [tagId, setTagId] = useState(customTags[0]?.id ?? "");
  const [reason, setReason] = useState("");
  const [progress, setProgress] = useState<Progress>();
  const [results, setResults] = useState<BulkResult[]>();
  const [run, setRun] = useState<BulkRun>();
  const [error, setError] = useState<ApiError>();
  // The confirmation names what the filter holds now, counted exactly (the list's count stops at a cap).
  const matching = useApi<{ count: number }>(
    "ids" in selection ? null : matchingCountPath(selection.allMatching),
  );
  const size =
    "ids" in selection
      ? `${count(selection.ids.length)}件`
      : matching.data
        ? `${count(matching.data.count)}件`
        : "…件";
  const needsTag = action === "attachTag" || action === "removeTag";

  const start = async () => {
    try {
      const extra = needsTag
        ? { tagId }
        : action === "cancel"
          ? { ...(reason ? { reason } : {}), mallCancelReasons: Object.values(mallReasons).filter(Boolean) }
          : {};
      setProgress({ done: 0, total: 0 });
      if ("ids" in selection) setResults(await runBulk(action, selection.ids, extra, setProgress));
      else setRun(await runOverFilter(action, selection.allMatching, extra, setProgress));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };

  if (results) return <BulkResults action={action} results={results} onClose={() => onClose(true)} />;
  if (run) return <BulkRunResults run={run} title={BULK_LABELS[action]} onClose={() => onClose(true)} />;
  return (
    <Dialog title={`一括操作: ${BULK_LABELS[action]}`} onClose={() => onClose(progress !== undefined)}>
      <ErrorNotice error={error} title="途中で止まりました(それまでの注文は処理済みです)" />
      {progress ? (
        <div className="bulk-progress">
          <p role="status">
            処理しています… {count(progress.done)} / {count(progress.total)}件
          </p>
          {progress.total ? <progress max={progress.total} value={progress.done} /> : <progress />}
        </div>
      ) : (
        <>
          <p>
            {"ids" in selection ? "選択した" : "この条件に合う(いま)"} <strong>{size}</strong> の注文を「
            {BULK_LABELS[action]}」します。 注文ごとにルールを確かめ、できない注文は理由とともに報告します。
          </p>
          {action === "cancel" && (
            <label className="field">
              <span className="field-label">キャンセル理由(任意)</span>
              <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
            </label>
          )}
          {action === "cancel" &&
            mallChannels.map((c) => (
              <label key={c.code} className="field">
                <span className="field-label">モールへのキャンセル理由({c.label}の注文)</span>
                <select
                  value={mallReasons[c.code] ?? ""}
                  onChange={(e) => setMallReasons({ ...mallReasons, [c.code]: e.target.value })}
                >
                  {vocabulary.mallCancelReasons
                    .filter((r) => r.channel === c.code)
                    .map((r) => (
                      <option key={r.code} value={r.code}>
                        {r.label}
                      </option>
                    ))}
                </select>
              </label>
            ))}
          {needsTag && (
            <label className="field">
              <span className="field-label">タグ</span>
              <select value={tagId} onChange={(e) => setTagId(e.target.value)}>
                {customTags.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                    {t.hold ? "(保留)" : ""}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => onClose(false)}>
              やめる
            </button>
            <button
              type="button"
              className={action === "cancel" ? "button button-danger" : "button button-primary"}
              disabled={(needsTag && !tagId) || ("allMatching" in selection && !matching.data)}
              onClick={() => void start()}
            >
              {size}に実行
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function BulkResults({
  action,
  results,
  onClose,
}: {
  action: BulkAction;
  results: BulkResult[];
  onClose: () => void;
}) {
  const refused = results.filter((r) => !r.ok);
  return (
    <BulkResultDialog title={BULK_LABELS[action]} onClose={onClose}>
      <BulkSummary done={results.length - refused.length} refused={refused.length} />
      {refused.length > 0 && (
        <div className="table-wrap">
          <table className="table bulk-refusals">
            <thead>
              <tr>
                <th>注文番号</th>
                <th>ステータス</th>
                <th>できなかった理由</th>
              </tr>
            </thead>
            <tbody>
              {refused.map((r) => (
                <tr key={r.orderId}>
                  <td className="nowrap">
                    {r.mallOrderNumber ? (
                      <Link to={`/orders/${r.orderId}`}>{r.mallOrderNumber}</Link>
                    ) : (
                      <span className="muted">(見つかりません)</span>
                    )}
                  </td>
                  <td>{r.statusLabel ?? "—"}</td>
                  <td>
                    {r.detail}
                    <small className="rule-code">{r.code}</small>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </BulkResultDialog>
  );
}
