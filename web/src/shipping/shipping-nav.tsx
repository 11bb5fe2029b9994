import { Link, useLocation } from "../shell/router.tsx";

const PAGES = [
  { to: "/shipments", label: "出荷一覧" },
  { to: "/shipments/tracking-import", label: "伝票番号取込" },
  { to: "/shipments/merge", label: "同梱候補" },
];

/** The shipping screens under the one 出荷 menu item. */
export function ShippingNav() {
  const { path } = useLocation();
  return (
    <nav className="sub-nav" aria-label="出荷メニュー">
      {PAGES.map((p) => (
        <Link key={p.to} to={p.to} className="sub-nav-link" aria-current={path === p.to ? "page" : undefined}>
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
