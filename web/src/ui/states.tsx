import type { ReactNode } from "react";
import type { ApiError } from "../api/client.ts";

export function Loading({ label = "読み込み中…" }: { label?: string }) {
  return (
    <p className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

/** A refusal or failure in the API's own words; the rule code helps support find the rule. */
export function ErrorNotice({ error, title }: { error: ApiError | undefined; title?: string }) {
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert">
      {title && <strong>{title}</strong>}
      <p>{error.detail}</p>
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              {e.path && <code>{e.path}</code>} {e.message}
            </li>
          ))}
        </ul>
      )}
      {error.code !== "network" && <small className="rule-code">{error.code}</small>}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-ok" role="status">
      {children}
    </div>
  );
}
