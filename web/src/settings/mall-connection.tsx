import { useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Channel, ConnectionTest, CredentialField, Shop, Vocabulary } from "../api/types.ts";
import { count, dateTime, tokyoDayBoundary } from "../format.ts";
import { Can } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { Link } from "../shell/router.tsx";
import { Dialog } from "../ui/dialog.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";
import { checklistChanged } from "./setup-checklist.tsx";

/**
 * What a channel's credential form asks for comes from /api/vocabulary (the API's write-only
 * `credentials` keys); whether a value is acceptable is the server's to say.
 */
const fieldsOf = (vocabulary: Vocabulary, code: string): CredentialField[] =>
  channelOf(vocabulary, code)?.credentials ?? [];

export const channelOf = (vocabulary: Vocabulary, code: string): Channel | undefined =>
  vocabulary.channels.find((c) => c.code === code);

/** A channel with credentials has a モール接続 section. */
export const hasMallConnection = (vocabulary: Vocabulary, code: string) =>
  fieldsOf(vocabulary, code).length > 0;

/** A channel Juchu polls has an import log and 今すぐ取込. */
export const isPolled = (vocabulary: Vocabulary, code: string) =>
  channelOf(vocabulary, code)?.source === "poll";

export type CredentialInput = Record<string, string>;

/** What the merchant typed → the PATCH's `credentials`; nothing typed → null (leave them as they are). */
export function credentialsToSend(
  vocabulary: Vocabulary,
  channel: string,
  input: CredentialInput,
): Record<string, string> | null {
  const fields = fieldsOf(vocabulary, channel);
  if (!fields.some((f) => (input[f.key] ?? "").trim() !== "")) return null;
  const out: Record<string, string> = {};
  for (const f of fields) {
    const value = input[f.key] ?? "";
    if (f.type === "secret") out[f.key] = value;
    else if (value) out[f.key] = tokyoDayBoundary(value, "end");
  }
  return out;
}

/** The server's expiry warning: expired is an error, expiring a warning. */
export function CredentialWarning({ shop }: { shop: Shop }) {
  const warning = shop.credentialWarning;
  if (!warning) return null;
  return (
    <div
      className={warning.level === "expired" ? "notice notice-error" : "notice"}
      role={warning.level === "expired" ? "alert" : "status"}
    >
      <strong>
        {warning.level === "expired" ? "認証情報の有効期限切れ" : "認証情報の有効期限が近づいています"}
      </strong>
      <p>{warning.message}</p>
    </div>
  );
}

/** 認証情報: saved or not and until when, new values (never shown back), and 接続テスト. */
export function CredentialsFieldset({
  shop,
  input,
  onInput,
  error,
}: {
  shop: Shop;
  input: CredentialInput;
  onInput: (input: CredentialInput) => void;
  error: ApiError | undefined;
}) {
  const { vocabulary } = useReference();
  const fields = fieldsOf(vocabulary, shop.channel);
  return (
    <fieldset className="checks">
      <legend>認証情報</legend>
      <CredentialWarning shop={shop} />
      <p className="credential-state">
        {shop.hasCredentials ? (
          <>
            <span className="badge badge-ok">登録済み</span> 内容は表示されません。入力すると置き換えます。
            {shop.credentialsExpireAt && (
              <span className="credential-expiry">有効期限: {dateTime(shop.credentialsExpireAt)}</span>
            )}
          </>
        ) : (
          <>
            <span className="badge">未登録</span> 入力して保存すると、取込と接続テストに使われます。
          </>
        )}
      </p>
      {fields.map((f) => (
        <Field key={f.key} label={f.label} path={`credentials.${f.key}`} error={error} {...hintOf(f)}>
          <input
            type={f.type === "secret" ? "password" : "date"}
            autoComplete={f.type === "secret" ? "new-password" : "off"}
            spellCheck={false}
            value={input[f.key] ?? ""}
            onChange={(e) => onInput({ ...input, [f.key]: e.target.value })}
          />
        </Field>
      ))}
      <ConnectionTestButton shop={shop} />
    </fieldset>
  );
}

const hintOf = (f: CredentialField) => (f.hint ? { hint: f.hint } : {});

function ConnectionTestButton({ shop }: { shop: Shop }) {
  // A result belongs to the credentials it was taken with: saving new ones clears it.
  const [result, setResult] = useState<{ version: string; test: ConnectionTest }>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const test = await api<ConnectionTest>("POST", `/api/shops/${shop.id}/test-connection`);
      setResult({ version: shop.updatedAt, test });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  const test = result?.version === shop.updatedAt ? result.test : undefined;
  return (
    <div className="connection-test">
      <div className="action-row">
        <Can permission="shops:write">
          <button type="button" className="button" disabled={busy} onClick={() => void run()}>
            {busy ? "接続しています…" : "接続テスト"}
          </button>
        </Can>
        <span className="field-hint">保存済みの認証情報でモールに接続します(何も書き込みません)</span>
      </div>
      {test?.ok && <Notice>{test.message}</Notice>}
      {test && !test.ok && (
        <div className="notice notice-error" role="alert">
          <strong>接続できませんでした</strong>
          <p>{test.message}</p>
          {test.code && <small className="rule-code">{test.code}</small>}
        </div>
      )}
      <ErrorNotice error={error} title="接続テストを実行できませんでした" />
    </div>
  );
}

/** テスト取込の注文を処理済みにする, after a confirmation; the count comes back. */
export function ProcessTestOrders({ shop }: { shop: Shop }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [processed, setProcessed] = useState<number>();
  const [error, setError] = useState<ApiError>();
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api<{ processed: number }>("POST", `/api/shops/${shop.id}/test-orders/process`);
      setProcessed(result.processed);
      checklistChanged(shop.id);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <div className="test-orders">
      <div className="action-row">
        <Can permission="shops:write">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              setProcessed(undefined);
              setConfirming(true);
            }}
          >
            テスト取込の注文を処理済みにする
          </button>
        </Can>
        <Link to={`/imports?shop=${shop.id}`}>取込ログを見る</Link>
      </div>
      {processed !== undefined && (
        <Notice>
          {processed === 0
            ? "処理済みにするテスト取込の注文はありませんでした。"
            : `テスト取込の注文 ${count(processed)}件を処理済みにしました。`}
        </Notice>
      )}
      <ErrorNotice error={error} title="処理済みにできませんでした" />
      {confirming && (
        <Dialog title="テスト取込の注文を処理済みにしますか?" onClose={() => setConfirming(false)}>
          <p>
            <strong>{shop.name}</strong>{" "}
            にテスト取込で取り込んだ注文を、すべて処理済みにします。処理済みの注文は受注一覧に出なくなり(詳細検索の「削除済みを含む」で探せます)、この後の取込でも更新されません。元には戻せません。
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              やめる
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void run()}
            >
              処理済みにする
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
