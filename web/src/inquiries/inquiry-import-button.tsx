import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Answer } from "../api/types.ts";
import { count } from "../format.ts";
import { ErrorNotice, Notice } from "../ui/states.tsx";

type Summary = Answer<"/api/shops/{id}/inquiry-import", "post">;

/** 今すぐ取り込む: one poll of the shop's inquiries now, instead of waiting for the schedule. */
export function InquiryImportButton({ shopId, onImported }: { shopId: string; onImported: () => void }) {
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<Summary>();
  const [error, setError] = useState<ApiError>();
  const run = async () => {
    setBusy(true);
    setSummary(undefined);
    setError(undefined);
    try {
      const done = await api<Summary>("POST", `/api/shops/${shopId}/inquiry-import`);
      if (done.error) setError(new ApiError(502, { code: done.error.code, detail: done.error.message }));
      else setSummary(done);
      onImported();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button" disabled={busy} onClick={() => void run()}>
        {busy ? "取込中…" : "今すぐ取り込む"}
      </button>
      <ErrorNotice error={error} title="問い合わせを取り込めませんでした" />
      {summary && (
        <Notice>
          新しい・更新された問い合わせ {count(summary.saved)}件を取り込みました
          {summary.decided > 0 && `(キャンセル希望 ${count(summary.decided)}件を処理します)`}。
        </Notice>
      )}
    </>
  );
}
