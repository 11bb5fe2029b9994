import type { ReactNode } from "react";
import type { ApiError } from "../api/client.ts";

/** A labelled control with the API's message for its path, if the last save named it. */
export function Field({
  label,
  path,
  error,
  hint,
  children,
}: {
  label: string;
  path?: string;
  error?: ApiError | undefined;
  hint?: string;
  children: ReactNode;
}) {
  const problems = path ? (error?.errors ?? []).filter((e) => e.path === path) : [];
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the children, inside the label.
    <label className={problems.length > 0 ? "field field-invalid" : "field"}>
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
      {problems.map((p) => (
        <span key={p.message} className="field-error">
          {p.message}
        </span>
      ))}
    </label>
  );
}
