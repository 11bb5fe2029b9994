import type { ReactNode } from "react";
import type { Feature, Session } from "../api/types.ts";
import { useSignedIn } from "./session.tsx";

/**
 * What the signed-in person may do, from the session's `permissions` (the server decides; the UI only
 * hides what would be refused). `orders:write` includes `orders:read`, as on the server.
 */
export function can(session: Pick<Session, "permissions">, permission: string): boolean {
  if (session.permissions.includes(permission)) return true;
  const [area, access] = permission.split(":");
  return access === "read" && session.permissions.includes(`${area}:write`);
}

export function useCan(permission: string): boolean {
  return can(useSignedIn(), permission);
}

/** The children only for a session that holds `permission` (buttons and forms that change something). */
export function Can({ permission, children }: { permission: string; children: ReactNode }) {
  return useCan(permission) ? children : null;
}

/** Whether the account's plan includes a feature (inquiry_linkage, mail_automation …). */
export function useFeature(feature: Feature): boolean {
  return useSignedIn().plan.features.includes(feature);
}

/**
 * A screen that only changes things (受注登録, CSV受注取込 …), opened by address by someone without
 * the permission: said plainly instead of a form whose every send would be refused.
 */
export function NeedsPermission({
  permission,
  title,
  children,
}: {
  permission: string;
  title: string;
  children: ReactNode;
}) {
  if (useCan(permission)) return children;
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{title}</h1>
      </header>
      <p className="notice" role="note">
        この画面を使う権限がありません。必要な場合はオーナーに権限の変更を依頼してください。
      </p>
    </section>
  );
}

/**
 * A settings form's fields, read-only for someone without `permission`: a viewer reads the settings
 * as they are instead of typing into fields no save will ever send.
 */
export function EditableBy({ permission, children }: { permission: string; children: ReactNode }) {
  return (
    <fieldset className="editable-by" disabled={!useCan(permission)}>
      {children}
    </fieldset>
  );
}
