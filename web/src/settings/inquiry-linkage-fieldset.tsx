import { useState } from "react";
import type { ApiError } from "../api/client.ts";
import type { InquiryLinkage } from "../api/types.ts";
import { Field } from "../ui/field.tsx";

/** One phrase a line; blank lines and spaces around a phrase mean nothing. */
const phrasesOf = (text: string): string[] =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * R-Messe連携 of one shop (the inquiries themselves are read whenever 受注取込 is on): whether a cancel
 * request acts on its order, whether a not-yet-requested order is cancelled by itself, the automatic
 * reply, and the shop's own words for a cancel request (used even with the linkage off).
 */
export function InquiryLinkageFieldset({
  value,
  onChange,
  error,
}: {
  value: InquiryLinkage;
  onChange: (next: InquiryLinkage) => void;
  error: ApiError | undefined;
}) {
  // The phrases as typed, so a new empty line stays while the merchant writes the next phrase.
  const [phrases, setPhrases] = useState(value.cancelPhrases.join("\n"));
  const set = <K extends keyof InquiryLinkage>(key: K, next: InquiryLinkage[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <fieldset className="checks inquiry-linkage">
      <legend>R-Messe連携(購入者からの問い合わせ)</legend>
      <label className="checkbox">
        <input type="checkbox" checked={value.enabled} onChange={(e) => set("enabled", e.target.checked)} />
        キャンセル連携(キャンセル希望を受けたら注文の出荷を止め、自動で返信する)
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value.autoCancel}
          disabled={!value.enabled}
          onChange={(e) => set("autoCancel", e.target.checked)}
        />
        キャンセル希望の注文を自動でキャンセルする(出荷依頼前の注文のみ。依頼済みは倉庫へ取下げを依頼します)
      </label>
      <Field
        label="自動返信テンプレート"
        path="settings.inquiryLinkage.replyTemplate"
        error={error}
        hint="キャンセル希望を受けたとき一度だけ送ります。出荷を止めた(止められなかった)ことを伝える文面にし、「キャンセルしました」などキャンセルを約束する言葉は書かないでください。キャンセルするかどうかはショップが決めます。差し込み項目: {{購入者名}} {{ショップ名}} {{注文番号}} {{対応結果}}"
      >
        <textarea
          rows={6}
          value={value.replyTemplate}
          disabled={!value.enabled}
          onChange={(e) => set("replyTemplate", e.target.value)}
        />
      </Field>
      <Field
        label="キャンセル希望とみなす語句"
        path="settings.inquiryLinkage.cancelPhrases"
        error={error}
        hint="1行に1つ。問い合わせの本文にこの語句があれば、モールの分類がなくてもキャンセル希望として扱います(例: キャンセルしたい、注文を取り消し)。キャンセル連携がオフでも、一覧の「キャンセル希望」に使います"
      >
        <textarea
          rows={4}
          value={phrases}
          onChange={(e) => {
            setPhrases(e.target.value);
            set("cancelPhrases", phrasesOf(e.target.value));
          }}
        />
      </Field>
    </fieldset>
  );
}
