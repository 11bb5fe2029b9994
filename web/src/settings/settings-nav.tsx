import { useEffect } from "react";
import { can } from "../session/can.tsx";
import { useSignedIn } from "../session/session.tsx";
import { Link, navigate, useLocation } from "../shell/router.tsx";

/** The account-wide settings under the one 設定 menu item; each shown only to who may read it. */
const PAGES = [
  { to: "/settings/users", label: "ユーザー", needs: "users:read" },
  { to: "/settings/api-tokens", label: "APIトークン", needs: "tokens:read" },
  { to: "/settings/webhooks", label: "Webhook", needs: "webhooks:read" },
  { to: "/settings/plan", label: "プラン", needs: "plan:read" },
  { to: "/settings/account", label: "アカウント", needs: "signed_in" },
];

export function SettingsNav() {
  const session = useSignedIn();
  const { path } = useLocation();
  return (
    <nav className="sub-nav" aria-label="設定メニュー">
      {PAGES.filter((p) => p.needs === "signed_in" || can(session, p.needs)).map((p) => (
        <Link
          key={p.to}
          to={p.to}
          className="sub-nav-link"
          aria-current={path.startsWith(p.to) ? "page" : undefined}
        >
          {p.label}
        </Link>
      ))}
    </nav>
  );
}

/** /settings opens the first page this person may see (アカウント at least). */
export function SettingsHome() {
  const session = useSignedIn();
  const first = PAGES.find((p) => p.needs === "signed_in" || can(session, p.needs));
  useEffect(() => navigate(first?.to ?? "/settings/account", { replace: true }), [first]);
  return null;
}
