import type { ReactNode } from "react";
import { useSession, useSignedIn } from "../session/session.tsx";
import { Link, useLocation } from "./router.tsx";

const NAV = [
  { to: "/attention", label: "要対応" },
  { to: "/orders", label: "受注一覧" },
  { to: "/orders/new", label: "受注登録" },
  { to: "/orders/csv-import", label: "CSV受注取込" },
  { to: "/inquiries", label: "問い合わせ" },
  { to: "/shipments", label: "出荷一覧" },
  { to: "/products", label: "商品・在庫" },
  { to: "/mappings", label: "商品マッピング" },
  { to: "/shops", label: "ショップ設定" },
  { to: "/warehouses", label: "倉庫設定" },
  { to: "/mail", label: "メール設定" },
  { to: "/mails", label: "メールログ" },
  { to: "/imports", label: "取込ログ" },
  { to: "/tags", label: "タグ" },
];

/** The entry for this screen: the longest one the path is under (/orders/new is 受注登録, not 受注一覧). */
function current(path: string, to: string): boolean {
  const under = (p: string) => path === p || path.startsWith(`${p}/`);
  return under(to) && !NAV.some((n) => n.to.length > to.length && under(n.to));
}

export function Layout({ children }: { children: ReactNode }) {
  const session = useSignedIn();
  const { signOut } = useSession();
  const { path } = useLocation();
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        本文へ移動
      </a>
      <header className="topbar">
        <Link to="/attention" className="brand">
          Juchu <span>受注管理</span>
        </Link>
        <nav className="nav" aria-label="メインメニュー">
          {NAV.map((item) => (
            <Link
              key={item.to}
              to={item.to}
              className="nav-link"
              aria-current={current(path, item.to) ? "page" : undefined}
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="account">
          <span className="account-name">{session.account.name}</span>
          <span className="account-user">{session.user.email}</span>
          <button type="button" className="button button-quiet" onClick={() => void signOut()}>
            ログアウト
          </button>
        </div>
      </header>
      <main className="content" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
