import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Shop, ShopSettings } from "../api/types.ts";
import { fromTokyoLocalInput, toTokyoLocalInput } from "../format.ts";
import { Can, EditableBy } from "../session/can.tsx";
import { useReference } from "../shell/reference-data.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";
import { InquiryLinkageFieldset } from "./inquiry-linkage-fieldset.tsx";
import {
  type CredentialInput,
  CredentialsFieldset,
  channelOf,
  credentialsToSend,
  hasMallConnection,
  ProcessTestOrders,
} from "./mall-connection.tsx";
import { SyncSwitch } from "./setup-checklist.tsx";
import { ShipFromFieldset } from "./ship-from-fieldset.tsx";

/** The settings of API.md; the server checks each (e.g. a sync start in the past) and names the field. */
export function ShopSettingsForm({ shop, onSaved }: { shop: Shop; onSaved: () => void }) {
  const { warehouses, vocabulary } = useReference();
  const [name, setName] = useState(shop.name);
  const [s, setS] = useState<ShopSettings>(shop.settings);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const [credentials, setCredentials] = useState("");
  const [mallInput, setMallInput] = useState<CredentialInput>({});
  const mall = hasMallConnection(vocabulary, shop.channel);
  const inquiries = channelOf(vocabulary, shop.channel)?.capabilities.inquiries ?? false;
  const set = <K extends keyof ShopSettings>(key: K, value: ShopSettings[K]) => {
    setSaved(false);
    setS({ ...s, [key]: value });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const secrets = mall
        ? credentialsToSend(vocabulary, shop.channel, mallInput)
        : parseCredentials(credentials);
      await api<Shop>("PATCH", `/api/shops/${shop.id}`, {
        name,
        settings: s,
        ...(secrets ? { credentials: secrets } : {}),
      });
      setCredentials("");
      setMallInput({});
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    }
  };
  const check = (
    key: "returnStockOnCancel" | "reflectCancelToMall" | "importEnabled" | "testImportMode",
    label: string,
  ) => (
    <label className="checkbox">
      <input type="checkbox" checked={s[key]} onChange={(e) => set(key, e.target.checked)} />
      {label}
    </label>
  );

  const imports = (
    <fieldset className="checks">
      <legend>受注取込・受注連動</legend>
      {check("importEnabled", "受注を取り込む")}
      <Field label="取込間隔(分)" path="settings.importIntervalMinutes" error={error}>
        <input
          type="number"
          className="input-short"
          value={s.importIntervalMinutes}
          onChange={(e) => set("importIntervalMinutes", Number(e.target.value))}
        />
      </Field>
      {check("testImportMode", "テスト取込(取り込むだけで、メール・出荷依頼・モールへの反映はしない)")}
      {mall && <ProcessTestOrders shop={shop} />}
      <SyncSwitch shop={shop} checked={s.syncEnabled} onChange={(on) => set("syncEnabled", on)} />
      <Field
        label="受注連動の開始日時"
        path="settings.syncStartAt"
        error={error}
        hint="過去の日時は指定できません"
      >
        <input
          type="datetime-local"
          value={toTokyoLocalInput(s.syncStartAt)}
          onChange={(e) => set("syncStartAt", fromTokyoLocalInput(e.target.value))}
        />
      </Field>
    </fieldset>
  );

  return (
    <form className="settings-form" onSubmit={submit} aria-label={`${shop.name} の設定`}>
      <EditableBy permission="shops:write">
        <Field label="ショップ名" path="name" error={error}>
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field
          label="キャンセル猶予(分)"
          path="settings.gracePeriodMinutes"
          error={error}
          hint={`この間は新規受付で待ち、購入者がモールでキャンセルできます(${channelOf(vocabulary, shop.channel)?.label ?? "このチャネル"}の既定は${channelOf(vocabulary, shop.channel)?.defaultGracePeriodMinutes ?? 0}分)`}
        >
          <input
            type="number"
            min={0}
            value={s.gracePeriodMinutes}
            onChange={(e) => set("gracePeriodMinutes", Number(e.target.value))}
          />
        </Field>
        <Field
          label="出荷依頼までの待ち時間(分)"
          path="settings.shipmentRequestDelayMinutes"
          error={error}
          hint="出荷待ちになってから倉庫へ依頼を送るまで"
        >
          <input
            type="number"
            min={0}
            value={s.shipmentRequestDelayMinutes}
            onChange={(e) => set("shipmentRequestDelayMinutes", Number(e.target.value))}
          />
        </Field>
        <Field
          label="入金確認待ち超過までの日数"
          path="settings.paymentOverdueDays"
          error={error}
          hint="前払い(銀行振込・コンビニ・郵便振替)の注文が、注文からこの日数を過ぎても未入金ならタグ「入金確認待ち超過」を付けます"
        >
          <input
            type="number"
            min={1}
            className="input-short"
            // Shops saved before this setting existed have none until saved: the server then uses its default.
            value={s.paymentOverdueDays ?? ""}
            onChange={(e) => set("paymentOverdueDays", Number(e.target.value))}
          />
        </Field>
        <Field label="出荷元倉庫" path="settings.warehouseId" error={error}>
          <select value={s.warehouseId ?? ""} onChange={(e) => set("warehouseId", e.target.value || null)}>
            <option value="">最初の倉庫({warehouses[0]?.name ?? "—"})</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}({w.kindLabel})
              </option>
            ))}
          </select>
        </Field>
        <ShipFromFieldset value={s.shipFrom} onChange={(next) => set("shipFrom", next)} error={error} />
        <fieldset className="checks">
          <legend>キャンセル</legend>
          {check("returnStockOnCancel", "キャンセル時に引当済みの在庫を戻す")}
          {check("reflectCancelToMall", "キャンセルをモールに反映する")}
        </fieldset>
        {mall ? (
          <section className="mall-connection" aria-labelledby={`mall-${shop.id}`}>
            <h3 id={`mall-${shop.id}`}>モール接続</h3>
            <CredentialsFieldset shop={shop} input={mallInput} onInput={setMallInput} error={error} />
            {imports}
            {inquiries && (
              <InquiryLinkageFieldset
                value={s.inquiryLinkage}
                onChange={(next) => set("inquiryLinkage", next)}
                error={error}
              />
            )}
          </section>
        ) : (
          <>
            {imports}
            <fieldset className="checks">
              <legend>モールの認証情報</legend>
              <Field
                label={
                  shop.hasCredentials ? "登録済み(内容は表示されません)。入力すると置き換えます" : "未登録"
                }
                path="credentials"
                error={error}
                hint="「キー=値」を1行に1つ(例: serviceSecret=…)。保存後は表示されません"
              >
                <textarea
                  rows={3}
                  autoComplete="off"
                  spellCheck={false}
                  value={credentials}
                  onChange={(e) => setCredentials(e.target.value)}
                />
              </Field>
            </fieldset>
          </>
        )}
        <ErrorNotice error={error} />
        {saved && <Notice>保存しました。</Notice>}
        <div className="action-row">
          <Can permission="shops:write">
            <button type="submit" className="button button-primary">
              保存
            </button>
          </Can>
        </div>
      </EditableBy>
    </form>
  );
}

/** "key=value" lines → the write-only credentials object; nothing typed → leave them as they are. */
function parseCredentials(text: string): Record<string, string> | null {
  const entries = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf("=");
      return at < 0 ? [line, ""] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    });
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}
