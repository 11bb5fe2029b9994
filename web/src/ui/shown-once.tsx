import { useState } from "react";

/** Copies to the clipboard; says so beside the button (the clipboard API needs a secure context or localhost). */
export function CopyButton({ value, label = "コピー" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState<boolean>();
  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <>
      <button type="button" className="button" onClick={() => void copy()}>
        {label}
      </button>
      {copied === true && <span role="status">コピーしました</span>}
      {copied === false && <span role="status">コピーできませんでした。選択してコピーしてください</span>}
    </>
  );
}

/**
 * A secret the server shows exactly once (an API token, a webhook signing secret): the value, a copy
 * button and the warning that it cannot be shown again.
 */
export function ShownOnce({ label, value, onDone }: { label: string; value: string; onDone: () => void }) {
  return (
    <section className="card shown-once" aria-label={label}>
      <h3>{label}</h3>
      <p className="notice notice-error">
        この値はいまだけ表示されます。閉じると二度と表示できません。コピーして安全な場所に保管してください。
      </p>
      <pre className="token">{value}</pre>
      <div className="action-row">
        <CopyButton value={value} />
        <button type="button" className="button button-primary" onClick={onDone}>
          保管しました
        </button>
      </div>
    </section>
  );
}
