import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Row } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { useCan } from "../session/can.tsx";
import { Link } from "../shell/router.tsx";
import { Dialog } from "../ui/dialog.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice } from "../ui/states.tsx";

type SavedSearch = Row<"/api/saved-searches">;
type Screen = SavedSearch["screen"];

/** The list's query as it is saved and compared: the page cursor and page number are not part of a search. */
function normalised(search: URLSearchParams): string {
  const params = new URLSearchParams(search);
  params.delete("cursor");
  params.delete("page");
  params.sort();
  return params.toString();
}

/**
 * 保存した検索 as quick tabs above a list: one click opens the saved filters, 「この条件を保存」 names the
 * current ones, × deletes one after asking. Saved per account, so the whole shop shares them.
 */
export function SavedSearchTabs({
  screen,
  base,
  search,
}: {
  screen: Screen;
  base: string;
  search: URLSearchParams;
}) {
  const saved = useApi<{ items: SavedSearch[] }>("/api/saved-searches");
  const [naming, setNaming] = useState(false);
  const [removing, setRemoving] = useState<SavedSearch>();
  const canWrite = useCan("orders:write");
  const current = normalised(search);
  const mine = (saved.data?.items ?? []).filter((s) => s.screen === screen);
  const sameQuery = (s: SavedSearch) => normalised(new URLSearchParams(s.query)) === current;

  return (
    <nav className="saved-searches" aria-label="保存した検索">
      {mine.map((s) => (
        <span key={s.id} className="saved-search">
          <Link
            to={`${base}${s.query ? `?${s.query}` : ""}`}
            className="saved-search-link"
            aria-current={sameQuery(s) ? "page" : undefined}
          >
            {s.name}
          </Link>
          {canWrite && (
            <button
              type="button"
              className="icon-button saved-search-delete"
              aria-label={`保存した検索「${s.name}」を削除`}
              onClick={() => setRemoving(s)}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {canWrite && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => setNaming(true)}
          disabled={!current}
        >
          この条件を保存
        </button>
      )}
      {naming && (
        <SaveDialog
          screen={screen}
          query={current}
          onClose={(changed) => {
            setNaming(false);
            if (changed) saved.reload();
          }}
        />
      )}
      {removing && (
        <RemoveDialog
          search={removing}
          onClose={(changed) => {
            setRemoving(undefined);
            if (changed) saved.reload();
          }}
        />
      )}
    </nav>
  );
}

function SaveDialog({
  screen,
  query,
  onClose,
}: {
  screen: Screen;
  query: string;
  onClose: (changed: boolean) => void;
}) {
  const [name, setName] = useState("");
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api("POST", "/api/saved-searches", { screen, name, query });
      onClose(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
      setBusy(false);
    }
  };
  return (
    <Dialog title="検索条件を保存" onClose={() => onClose(false)}>
      <form onSubmit={submit}>
        <p>今の絞り込みに名前を付けて、一覧の上からすぐ開けるようにします。</p>
        <Field label="名前" path="name" error={error} hint="例: 本日出荷分、要確認の注文">
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} required autoFocus />
        </Field>
        <ErrorNotice error={error?.errors.length ? undefined : error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onClose(false)}>
            やめる
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !name.trim()}>
            保存する
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RemoveDialog({ search, onClose }: { search: SavedSearch; onClose: (changed: boolean) => void }) {
  const [error, setError] = useState<ApiError>();
  const remove = async () => {
    try {
      await api("DELETE", `/api/saved-searches/${search.id}`);
      onClose(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  return (
    <Dialog title="保存した検索を削除" onClose={() => onClose(false)}>
      <p>「{search.name}」を削除します。注文や出荷は変わりません。</p>
      <ErrorNotice error={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => onClose(false)}>
          やめる
        </button>
        <button type="button" className="button button-danger" onClick={remove}>
          削除する
        </button>
      </div>
    </Dialog>
  );
}
