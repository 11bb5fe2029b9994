import { Link, useLocation } from "../shell/router.tsx";

const PAGES = [
  { to: "/b2b", label: "取引先" },
  { to: "/b2b/prices", label: "価格" },
  { to: "/b2b/mail-orders/new", label: "メール発注" },
  { to: "/b2b/settings", label: "BtoB設定" },
];

/** The BtoB desk's pages under the one 取引先 menu item. */
export function B2bNav() {
  const { path } = useLocation();
  const current = (to: string) =>
    to === "/b2b" ? path === to || path.startsWith("/b2b/companies") : path === to;
  return (
    <nav className="sub-nav" aria-label="BtoBメニュー">
      {PAGES.map((p) => (
        <Link key={p.to} to={p.to} className="sub-nav-link" aria-current={current(p.to) ? "page" : undefined}>
          {p.label}
        </Link>
      ))}
    </nav>
  );
}

/** The title and sub-menu every BtoB screen starts with. */
export function B2bHeader({ title }: { title: string }) {
  return (
    <>
      <header className="screen-header">
        <h1>{title}</h1>
      </header>
      <B2bNav />
    </>
  );
}
