import { type FormEvent, useState } from "react";
import { ApiError, api, query } from "../api/client.ts";
import type { Shop } from "../api/types.ts";
import { Can, useCan } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { Link, navigate, useLocation } from "../shell/router.tsx";
import { Field } from "../ui/field.tsx";
import { Empty, ErrorNotice } from "../ui/states.tsx";
import { isPolled } from "./mall-connection.tsx";
import { SetupChecklistSection } from "./setup-checklist.tsx";
import { ShopMastersSection } from "./shop-masters-section.tsx";
import { ShopSettingsForm } from "./shop-settings-form.tsx";
import { UnknownValuesSection } from "./unknown-values-section.tsx";

/** ショップ設定: one card per storefront; its settings open in place (`?edit=<id>`, so reload keeps it). */
export function ShopsScreen() {
  const { shops, reload, vocabulary } = useReference();
  const { search } = useLocation();
  const open = search.get("edit") ?? undefined;
  const setOpen = (id: string | undefined) => navigate(`/shops${query({ edit: id })}`, { replace: true });
  // A viewer opens the same settings, read-only (EditableBy).
  const openLabel = useCan("shops:write") ? "設定を編集" : "設定を見る";
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>ショップ設定</h1>
      </header>
      <Can permission="shops:write">
        <NewShop
          onCreated={(shop) => {
            reload();
            setOpen(shop.id);
          }}
        />
      </Can>
      {shops.length === 0 && <Empty>ショップはまだありません。上のフォームから登録してください。</Empty>}
      <ul className="shop-list">
        {shops.map((shop) => (
          <li key={shop.id} className="card">
            <div className="shop-summary">
              <h2>{shop.name}</h2>
              <span className="badge">{shop.channelLabel}</span>
              <span className="muted">
                キャンセル猶予 {shop.settings.gracePeriodMinutes}分 ・ 受注取込{" "}
                {shop.settings.importEnabled ? `ON(${shop.settings.importIntervalMinutes}分ごと)` : "OFF"} ・
                受注連動 {shop.settings.syncEnabled ? "ON" : "OFF"}
              </span>
              {shop.settings.testImportMode && <span className="badge badge-test">テスト取込</span>}
              {shop.credentialWarning && (
                <span className={`badge credential-${shop.credentialWarning.level}`}>
                  {shop.credentialWarning.level === "expired"
                    ? "認証情報期限切れ"
                    : `認証情報期限まで${shop.credentialWarning.daysLeft}日`}
                </span>
              )}
              {isPolled(vocabulary, shop.channel) && (
                <Link to={`/imports?shop=${shop.id}`} className="shop-imports-link">
                  取込ログ
                </Link>
              )}
              <button
                type="button"
                className="button"
                aria-expanded={open === shop.id}
                onClick={() => setOpen(open === shop.id ? undefined : shop.id)}
              >
                {open === shop.id ? "閉じる" : openLabel}
              </button>
            </div>
            {open === shop.id && <SetupChecklistSection shop={shop} />}
            {open === shop.id && <ShopSettingsForm shop={shop} onSaved={reload} />}
            {open === shop.id && <ShopMastersSection shop={shop} />}
            {open === shop.id && <UnknownValuesSection shop={shop} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewShop({ onCreated }: { onCreated: (shop: Shop) => void }) {
  const { vocabulary } = useReference();
  const [channel, setChannel] = useState(vocabulary.channels[0]?.code ?? "");
  const [name, setName] = useState("");
  const [error, setError] = useState<ApiError>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      onCreated(await api<Shop>("POST", "/api/shops", { channel, name }));
      setName("");
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    }
  };
  return (
    <details className="card">
      <summary>ショップを追加</summary>
      <form className="form-row" onSubmit={submit}>
        <Field label="チャネル" path="channel" error={error}>
          <select value={channel} onChange={(e) => setChannel(e.target.value)}>
            {vocabulary.channels.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="ショップ名" path="name" error={error}>
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <button type="submit" className="button button-primary">
          追加
        </button>
      </form>
      <ErrorNotice error={error} />
    </details>
  );
}
