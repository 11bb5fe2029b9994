import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { MailTransport } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { Can, EditableBy } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { useConfirm } from "../ui/confirm-dialog.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Loading, Notice } from "../ui/states.tsx";
import { MailNav } from "./mail-nav.tsx";

type Loaded = { transport: MailTransport | null };

/** SMTP設定: the account's server, and a shop's own (楽天あんしんメルアドの中継など) that overrides it. */
export function MailTransportScreen() {
  const { shops } = useReference();
  const account = useApi<Loaded>("/api/mail-transport");
  const [shopId, setShopId] = useState(shops[0]?.id ?? "");
  const shop = useApi<Loaded>(shopId ? `/api/shops/${shopId}/mail-transport` : null);
  // Out here because the shop's form is remounted while its new answer loads.
  const [shopDone, setShopDone] = useState<string>();
  const noneHere = account.data?.transport === null && shop.data?.transport === null;

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>SMTP設定</h1>
      </header>
      <MailNav />
      {account.data?.transport === null && (
        <div className="notice" role="status">
          <strong>アカウントのSMTPサーバーが未設定です。</strong>
          <p>
            ショップ別のSMTPがないショップでは、メールは送信されず、メールログに保存されます(未送信)。
            設定後、メールログから再送できます。
          </p>
        </div>
      )}
      <article className="card" aria-labelledby="account-transport">
        <h2 id="account-transport">アカウントのSMTP(全ショップ共通)</h2>
        <ErrorNotice error={account.error} />
        {account.data ? (
          <TransportForm
            path="/api/mail-transport"
            current={account.data.transport}
            onChanged={account.reload}
            showDone
          />
        ) : (
          !account.error && <Loading />
        )}
      </article>
      <article className="card" aria-labelledby="shop-transport">
        <h2 id="shop-transport">ショップ別のSMTP</h2>
        <p className="muted">
          楽天あんしんメルアドの中継など、ショップごとに別のサーバーから送る場合だけ設定します。
        </p>
        <label className="inline-field">
          <span className="field-label">ショップ</span>
          <select
            aria-label="SMTPを設定するショップ"
            value={shopId}
            onChange={(e) => {
              setShopId(e.target.value);
              setShopDone(undefined);
            }}
          >
            {shops.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}({s.channelLabel})
              </option>
            ))}
          </select>
        </label>
        {noneHere && (
          <p className="notice">このショップのメールは送信されず、メールログに保存されます(未送信)。</p>
        )}
        {shop.data?.transport === null && account.data?.transport && (
          <p className="muted">未設定のため、アカウントのSMTPで送信します。</p>
        )}
        <ErrorNotice error={shop.error} />
        {shopId && shop.data && !shop.loading && (
          <TransportForm
            key={shopId}
            path={`/api/shops/${shopId}/mail-transport`}
            current={shop.data.transport}
            onChanged={(message) => {
              setShopDone(message);
              shop.reload();
            }}
          />
        )}
        {shopDone && <Notice>{shopDone}</Notice>}
      </article>
    </section>
  );
}

function TransportForm({
  path,
  current,
  onChanged,
  showDone,
}: {
  path: string;
  current: MailTransport | null;
  onChanged: (message: string) => void;
  showDone?: boolean;
}) {
  const [host, setHost] = useState(current?.host ?? "");
  const [port, setPort] = useState(current?.port ?? 587);
  const [secure, setSecure] = useState(current?.secure ?? false);
  const [username, setUsername] = useState(current?.username ?? "");
  const [password, setPassword] = useState("");
  const [fromAddress, setFromAddress] = useState(current?.fromAddress ?? "");
  const [fromName, setFromName] = useState(current?.fromName ?? "");
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();

  const run = async (method: "PUT" | "DELETE", message: string) => {
    setError(undefined);
    setDone(undefined);
    try {
      const body = {
        host,
        port,
        secure,
        fromAddress,
        fromName,
        ...(username ? { username } : {}),
        ...(password ? { password } : {}),
      };
      await api(method, path, method === "PUT" ? body : undefined);
      setPassword("");
      setDone(message);
      onChanged(message);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run("PUT", "SMTP設定を保存しました。");
  };
  const confirm = useConfirm();

  return (
    <form className="settings-form" onSubmit={submit} aria-label="SMTPサーバー">
      <EditableBy permission="mail:write">
        {confirm.dialog}
        <div className="form-row">
          <Field label="SMTPサーバー" path="host" error={error}>
            <input value={host} placeholder="smtp.example.jp" onChange={(e) => setHost(e.target.value)} />
          </Field>
          <Field label="ポート" path="port" error={error}>
            <input
              type="number"
              className="input-short"
              min={1}
              max={65535}
              value={port}
              onChange={(e) => setPort(Number(e.target.value) || 0)}
            />
          </Field>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={secure} onChange={(e) => setSecure(e.target.checked)} />{" "}
          TLSで接続(465番など。オフはSTARTTLS)
        </label>
        <div className="form-row">
          <Field label="ユーザー名" path="username" error={error}>
            <input value={username} autoComplete="off" onChange={(e) => setUsername(e.target.value)} />
          </Field>
          <Field
            label="パスワード"
            path="password"
            error={error}
            hint={current?.hasPassword ? "登録済み。変更する時だけ入力" : "保存後は表示しません"}
          >
            <input
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
        </div>
        <div className="form-row">
          <Field label="送信元メールアドレス" path="fromAddress" error={error}>
            <input type="email" value={fromAddress} onChange={(e) => setFromAddress(e.target.value)} />
          </Field>
          <Field label="送信者名" path="fromName" error={error}>
            <input value={fromName} onChange={(e) => setFromName(e.target.value)} />
          </Field>
        </div>
        <div className="action-row">
          <Can permission="mail:write">
            <button type="submit" className="button button-primary">
              保存する
            </button>
          </Can>
          {current && (
            <Can permission="mail:write">
              <button
                type="button"
                className="button button-danger-quiet"
                onClick={() =>
                  void confirm
                    .ask({
                      title: "SMTP設定を削除",
                      message: "このSMTP設定を削除します。削除するとメールは送られません。",
                      confirmLabel: "削除する",
                      danger: true,
                    })
                    .then((ok) => (ok ? run("DELETE", "SMTP設定を削除しました。") : undefined))
                }
              >
                削除
              </button>
            </Can>
          )}
        </div>
        {showDone && done && <Notice>{done}</Notice>}
        <ErrorNotice error={error} title="保存できませんでした" />
      </EditableBy>
    </form>
  );
}
