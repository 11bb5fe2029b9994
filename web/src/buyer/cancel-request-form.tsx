import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { ErrorNotice } from "../ui/states.tsx";
import type { BuyerOrderDetail, CancelReason } from "./types.ts";

/** Characters as the buyer sees them (an emoji is one), as the API counts them. */
function characters(text: string): number {
  return [...new Intl.Segmenter("ja", { granularity: "grapheme" }).segment(text)].length;
}

/** その他's own words: at most this many characters (the seed's rule; the API refuses more). */
const OTHER_MAX = 20;

/**
 * 「キャンセル理由」 at the bottom of 発注履歴詳細: exactly one reason; その他 needs its own words. It only
 * asks — the merchant decides, and nothing is cancelled until then.
 */
export function CancelRequestForm({
  order,
  onRequested,
}: {
  order: BuyerOrderDetail;
  onRequested: () => void;
}) {
  const reasons = useApi<{ items: CancelReason[] }>("/api/buyer/cancel-reasons");
  const [reasonCode, setReasonCode] = useState("");
  const [otherReason, setOtherReason] = useState("");
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const other = reasonCode === "other";
  const length = characters(otherReason);
  const tooLong = other && length > OTHER_MAX;
  const local = (message: string, path: string) =>
    new ApiError(422, { detail: message, errors: [{ path, message }] });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reasonCode) return setError(local("キャンセル理由を一つ選んでください。", "reasonCode"));
    if (other && !otherReason.trim())
      return setError(local("キャンセル理由を入力してください。", "otherReason"));
    if (tooLong)
      return setError(local(`キャンセル理由は${OTHER_MAX}文字以内で入力してください。`, "otherReason"));
    setBusy(true);
    setError(undefined);
    try {
      await api("POST", `/api/buyer/orders/${order.id}/cancel-request`, {
        reasonCode,
        ...(other ? { otherReason: otherReason.trim() } : {}),
      });
      onRequested();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
      setBusy(false);
    }
  };
  const otherProblems = (error?.errors ?? []).filter((e) => e.path === "otherReason");
  return (
    <form id="cancel-request" className="buyer-card buyer-cancel-form" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>キャンセル理由</legend>
        {(reasons.data?.items ?? []).map((r) => (
          <label key={r.code} className="buyer-radio">
            <input
              type="radio"
              name="reasonCode"
              value={r.code}
              checked={reasonCode === r.code}
              onChange={() => setReasonCode(r.code)}
            />
            {r.label}
          </label>
        ))}
        {other && (
          <label className={tooLong || otherProblems.length ? "field field-invalid" : "field"}>
            <span className="field-label">キャンセル理由(20文字以内)</span>
            <input
              value={otherReason}
              aria-invalid={tooLong}
              onChange={(e) => setOtherReason(e.target.value)}
            />
            <span className={tooLong ? "field-error" : "field-hint"}>
              {length}/{OTHER_MAX}文字{tooLong && `:${length - OTHER_MAX}文字多すぎます`}
            </span>
          </label>
        )}
      </fieldset>
      <ErrorNotice error={reasons.error ?? error} />
      <p className="muted">
        キャンセルのリクエストを送信します。キャンセルを受け付けるかどうかは発注先が判断します。
      </p>
      <button type="submit" className="button button-danger" disabled={busy}>
        {busy ? "送信中…" : "キャンセルをリクエストする"}
      </button>
    </form>
  );
}
