import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { ApiToken, Permissions } from "../api/types.ts";
import { can } from "../session/can.tsx";
import { useSignedIn } from "../session/session.tsx";
import { Field } from "../ui/field.tsx";
import { ShownOnce } from "../ui/shown-once.tsx";
import { ErrorNotice } from "../ui/states.tsx";

type Access = "" | "read" | "write";

/**
 * A new token: its name and, per area, なし / 閲覧 / 変更. Only what the creator holds is offered (the
 * server refuses more with token.scope_not_held). The token itself is shown once.
 */
export function NewTokenForm({
  permissions,
  onCreated,
}: {
  permissions: Permissions;
  onCreated: () => void;
}) {
  const session = useSignedIn();
  const [name, setName] = useState("");
  const [access, setAccess] = useState<Record<string, Access>>({});
  const [error, setError] = useState<ApiError>();
  const [created, setCreated] = useState<string>();
  const scopes = Object.entries(access).flatMap(([area, a]) => (a ? [`${area}:${a}`] : []));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const r = await api<{ token: string; apiToken: ApiToken }>("POST", "/api/api-tokens", { name, scopes });
      setCreated(r.token);
      setName("");
      setAccess({});
      onCreated();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };

  if (created) {
    return <ShownOnce label="作成したAPIトークン" value={created} onDone={() => setCreated(undefined)} />;
  }
  return (
    <form className="card settings-form" aria-labelledby="new-token-heading" onSubmit={(e) => void submit(e)}>
      <h2 id="new-token-heading">APIトークンを作成</h2>
      <Field label="トークン名" path="name" error={error} hint="どの連携で使うかが分かる名前">
        <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <fieldset className="scope-picker">
        <legend>権限(領域ごとに選択)</legend>
        <table className="table">
          <tbody>
            {permissions.areas.map((area) => (
              <tr key={area.code}>
                <th scope="row">{area.label}</th>
                {(["", "read", "write"] as const).map((a) => (
                  <td key={a}>
                    <label className="checkbox">
                      <input
                        type="radio"
                        name={`scope-${area.code}`}
                        aria-label={`${area.label}: ${a === "" ? "なし" : a === "read" ? "閲覧" : "変更"}`}
                        checked={(access[area.code] ?? "") === a}
                        disabled={a !== "" && !can(session, `${area.code}:${a}`)}
                        onChange={() => setAccess({ ...access, [area.code]: a })}
                      />
                      {a === "" ? "なし" : a === "read" ? "閲覧" : "変更"}
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <ErrorNotice error={error} />
      <div className="action-row">
        <button type="submit" className="button button-primary" disabled={scopes.length === 0}>
          作成する
        </button>
      </div>
    </form>
  );
}
