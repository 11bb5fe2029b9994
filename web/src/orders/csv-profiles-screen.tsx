import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { CsvOrderField, CsvOrderProfile, CsvOrderProfiles } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { Can } from "../session/can.tsx";
import { Link } from "../shell/router.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";

const ENCODINGS = [
  ["auto", "自動判定"],
  ["shift_jis", "Shift_JIS"],
  ["utf-8", "UTF-8"],
] as const;
const DATE_FORMATS = [
  "yyyy/MM/dd HH:mm:ss",
  "yyyy-MM-dd HH:mm:ss",
  "yyyy/MM/dd",
  "yyyy-MM-dd",
  "yyyyMMddHHmmss",
  "yyyyMMdd",
] as const satisfies readonly Draft["dateFormat"][];

type Draft = Omit<CsvOrderProfile, "id" | "builtIn" | "columns"> & { columns: Record<string, string> };
const toDraft = (p: CsvOrderProfile, copy: boolean): Draft => ({
  name: copy ? `${p.name}のコピー` : p.name,
  encoding: p.encoding,
  headerRow: p.headerRow,
  dateFormat: p.dateFormat,
  columns: Object.fromEntries(Object.entries(p.columns).map(([f, cols]) => [f, cols.join("+")])),
});

/** 取込設定: which column of the merchant's CSV feeds each order field (標準 ones are read-only, copyable). */
export function CsvProfilesScreen() {
  const profiles = useApi<CsvOrderProfiles>("/api/csv-order-profiles");
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft }>();
  if (!profiles.data) return profiles.error ? <ErrorNotice error={profiles.error} /> : <Loading />;
  const { items, fields } = profiles.data;
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>受注CSVの取込設定</h1>
        <Link to="/orders/csv-import" className="button">
          CSV受注取込へ戻る
        </Link>
      </header>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>名前</th>
              <th>文字コード</th>
              <th>見出し行</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td>
                  {p.name} {p.builtIn && <span className="badge">標準</span>}
                </td>
                <td>{ENCODINGS.find(([c]) => c === p.encoding)?.[1]}</td>
                <td>{p.headerRow ? "あり" : "なし(列番号)"}</td>
                <td className="action-row">
                  <Can permission="settings:write">
                    {!p.builtIn && (
                      <button
                        type="button"
                        className="button"
                        onClick={() => setEditing({ id: p.id, draft: toDraft(p, false) })}
                      >
                        編集
                      </button>
                    )}
                    <button
                      type="button"
                      className="button"
                      onClick={() => setEditing({ id: null, draft: toDraft(p, true) })}
                    >
                      コピーして作る
                    </button>
                    {!p.builtIn && (
                      <button
                        type="button"
                        className="button button-danger"
                        onClick={() =>
                          void api("DELETE", `/api/csv-order-profiles/${p.id}`).then(profiles.reload)
                        }
                      >
                        削除
                      </button>
                    )}
                  </Can>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <ProfileForm
          key={editing.id ?? "new"}
          id={editing.id}
          initial={editing.draft}
          fields={fields}
          onSaved={() => {
            setEditing(undefined);
            profiles.reload();
          }}
        />
      )}
    </section>
  );
}

function ProfileForm(props: {
  id: string | null;
  initial: Draft;
  fields: CsvOrderField[];
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState(props.initial);
  const [error, setError] = useState<ApiError>();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const columns = Object.fromEntries(
      Object.entries(draft.columns)
        .map(
          ([f, text]) =>
            [
              f,
              text
                .split("+")
                .map((c) => c.trim())
                .filter(Boolean),
            ] as const,
        )
        .filter(([, cols]) => cols.length > 0),
    );
    try {
      const body = { ...draft, columns };
      if (props.id) await api("PUT", `/api/csv-order-profiles/${props.id}`, body);
      else await api("POST", "/api/csv-order-profiles", body);
      props.onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  return (
    <form className="card settings-form" aria-label="取込設定の編集" onSubmit={(e) => void submit(e)}>
      <Field label="名前" path="name" error={error}>
        <input value={draft.name} onChange={(e) => set({ name: e.target.value })} />
      </Field>
      <Field label="文字コード" path="encoding" error={error}>
        <select
          value={draft.encoding}
          onChange={(e) => set({ encoding: e.target.value as Draft["encoding"] })}
        >
          {ENCODINGS.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="見出し行" path="headerRow" error={error}>
        <select
          value={draft.headerRow ? "1" : "0"}
          onChange={(e) => set({ headerRow: e.target.value === "1" })}
        >
          <option value="1">1行目は見出し(列を名前で指定)</option>
          <option value="0">見出しなし(列を番号で指定)</option>
        </select>
      </Field>
      <Field label="日付の形式" path="dateFormat" error={error}>
        <select
          value={draft.dateFormat}
          onChange={(e) => set({ dateFormat: e.target.value as Draft["dateFormat"] })}
        >
          {DATE_FORMATS.map((f) => (
            <option key={f}>{f}</option>
          ))}
        </select>
      </Field>
      <p className="field-hint">複数の列をつなぐときは「+」で区切ります(例: 氏名(姓)+氏名(名))。</p>
      {props.fields.map((f) => (
        <Field
          key={f.field}
          label={`${f.label}${f.required ? "(必須)" : ""}`}
          path={`columns.${f.field}`}
          error={error}
        >
          <input
            aria-label={`${f.label}の列`}
            value={draft.columns[f.field] ?? ""}
            onChange={(e) => set({ columns: { ...draft.columns, [f.field]: e.target.value } })}
          />
        </Field>
      ))}
      <div className="action-row">
        <Can permission="settings:write">
          <button type="submit" className="button button-primary">
            保存
          </button>
        </Can>
      </div>
      <ErrorNotice error={error} title="保存できませんでした" />
    </form>
  );
}
