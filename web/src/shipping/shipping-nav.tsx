import { can } from "../session/can.tsx";
import { useSignedIn } from "../session/session.tsx";
import { Link, useLocation } from "../shell/router.tsx";

/** `needs`: the permission that shows the page's entry. */
const PAGES = [
  { to: "/shipments", label: "出荷一覧", needs: "shipping:read" },
  { to: "/shipments/tracking-import", label: "伝票番号取込", needs: "shipping:write" },
  { to: "/shipments/merge", label: "同梱候補", needs: "shipping:read" },
];

/** The shipping screens under the one 出荷 menu item. */
export function ShippingNav() {
  const { path } = useLocation();
  const session = useSignedIn();
  return (
    <nav className="sub-nav" aria-label="出荷メニュー">
      {PAGES.filter((p) => can(session, p.needs)).map((p) => (
        <Link key={p.to} to={p.to} className="sub-nav-link" aria-current={path === p.to ? "page" : undefined}>
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
