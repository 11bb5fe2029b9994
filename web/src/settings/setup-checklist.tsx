import { useEffect, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { SetupChecklist, SetupChecklistItem, Shop } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { dateTime } from "../format.ts";
import { Can } from "../session/can.tsx";
import { Link } from "../shell/router.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";

/** Told when an item or a fact changes, so the sheet and the 受注連動 switch on the same page follow without a reload. */
const CHANGED = "juchu:setup-checklist-changed";

export function checklistChanged(shopId: string): void {
  window.dispatchEvent(new CustomEvent(CHANGED, { detail: shopId }));
}

function useChecklist(shopId: string) {
  const loaded = useApi<SetupChecklist>(`/api/shops/${shopId}/setup-checklist`);
  const { reload } = loaded;
  useEffect(() => {
    const listener = (e: Event) => {
      if ((e as CustomEvent<string>).detail === shopId) reload();
    };
    window.addEventListener(CHANGED, listener);
    return () => window.removeEventListener(CHANGED, listener);
  }, [shopId, reload]);
  return loaded;
}

/** 初期設定確認チェックシート: each item's state, what Juchu checked, where to set it, and 確認. */
export function SetupChecklistSection({ shop }: { shop: Shop }) {
  const { data, error } = useChecklist(shop.id);
  const [failed, setFailed] = useState<ApiError>();
  const [busy, setBusy] = useState<string>();
  if (!data) return error ? <ErrorNotice error={error} /> : <Loading />;
  const open = data.items.filter((i) => !i.confirmed).length;
  const change = async (item: SetupChecklistItem, confirmed: boolean) => {
    setBusy(item.item);
    setFailed(undefined);
    try {
      await api("PUT", `/api/shops/${shop.id}/setup-checklist/${item.item}`, { confirmed });
      checklistChanged(shop.id);
    } catch (e) {
      setFailed(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section className="setup-checklist" aria-labelledby={`checklist-${shop.id}`}>
      <h3 id={`checklist-${shop.id}`}>
        初期設定確認チェックシート{" "}
        <span className={data.complete ? "badge badge-ok" : "badge badge-test"}>
          {data.complete ? "すべて確認済み" : `未確認 ${open}件`}
        </span>
      </h3>
      <p className="muted">すべての項目を確認すると、受注連動を有効にできます。</p>
      <ol className="setup-items">
        {data.items.map((item) => (
          <li key={item.item} aria-label={item.label} className={item.confirmed ? "confirmed" : "open"}>
            <div className="setup-item-head">
              <strong>{item.label}</strong>
              <Link to={item.link}>設定を開く</Link>
              {item.confirmed ? (
                <span className="badge badge-ok">
                  確認済み({item.confirmed.actedBy.label}・{dateTime(item.confirmed.at)})
                </span>
              ) : (
                <span className="badge">未確認</span>
              )}
              <Can permission="shops:write">
                <button
                  type="button"
                  className={item.confirmed ? "button" : "button button-primary"}
                  disabled={busy === item.item}
                  onClick={() => change(item, !item.confirmed)}
                >
                  {item.confirmed ? "確認を取り消す" : "確認した"}
                </button>
              </Can>
            </div>
            {item.facts.length > 0 && (
              <ul className="setup-facts">
                {item.facts.map((f) => (
                  <li key={f.text} className={f.ok ? "fact-ok" : "fact-ng"}>
                    {f.ok ? "✔" : "✖"} {f.text}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <ErrorNotice error={failed} />
    </section>
  );
}

/** 受注連動's switch: it stays off, naming the open items, until the checklist is complete (a shop already syncing may switch it off). */
export function SyncSwitch({
  shop,
  checked,
  onChange,
}: {
  shop: Shop;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const { data } = useChecklist(shop.id);
  const open = data?.items.filter((i) => !i.confirmed) ?? [];
  const locked = !checked && !shop.settings.syncEnabled && (!data || open.length > 0);
  return (
    <div className="sync-switch">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          disabled={locked}
          onChange={(e) => onChange(e.target.checked)}
        />
        受注連動(Juchuでの変更をモールへ反映)
      </label>
      {locked && data && (
        <p className="field-hint" role="note">
          初期設定確認チェックシートの未確認の項目があるため有効にできません(未確認:{" "}
          {open.map((i) => i.label).join("、")})
        </p>
      )}
    </div>
  );
}
