import type { ReactNode } from "react";
import type { Feature } from "../api/types.ts";
import { LockMark } from "../plan/plan-lock.tsx";
import { can } from "../session/can.tsx";
import { useSession, useSignedIn } from "../session/session.tsx";
import { Link, useLocation } from "./router.tsx";

/** `needs`: the permission that shows the entry; `feature`: a plan feature, shown locked without it. */
const NAV: { to: string; label: string; needs: string; feature?: Feature }[] = [
  { to: "/attention", label: "要対応", needs: "orders:read" },
  { to: "/orders", label: "受注一覧", needs: "orders:read" },
  { to: "/orders/new", label: "受注登録", needs: "orders:write" },
  { to: "/orders/csv-import", label: "CSV受注取込", needs: "orders:write" },
  { to: "/inquiries", label: "問い合わせ", needs: "inquiries:read", feature: "inquiry_linkage" },
  { to: "/shipments", label: "出荷一覧", needs: "shipping:read" },
  { to: "/customers", label: "顧客", needs: "orders:read" },
  { to: "/b2b", label: "取引先", needs: "b2b:read", feature: "b2b_desk" },
  { to: "/products", label: "商品・在庫", needs: "catalog:read" },
  { to: "/products/import", label: "商品CSV取込", needs: "catalog:write" },
  { to: "/mappings", label: "商品マッピング", needs: "catalog:read" },
  { to: "/option-surcharges", label: "オプション金額表", needs: "catalog:read" },
  { to: "/shops", label: "ショップ設定", needs: "shops:read" },
  { to: "/warehouses", label: "倉庫設定", needs: "warehouses:read" },
  { to: "/mail", label: "メール設定", needs: "mail:read" },
  { to: "/mails", label: "メールログ", needs: "mail:read" },
  { to: "/imports", label: "取込ログ", needs: "shops:read" },
  { to: "/tags", label: "タグ", needs: "settings:read" },
  { to: "/customer-ranks", label: "顧客ランク設定", needs: "settings:read" },
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
          {NAV.filter((item) => can(session, item.needs)).map((item) => {
            const locked = item.feature !== undefined && !session.plan.features.includes(item.feature);
            return (
              <Link
                key={item.to}
                to={item.to}
                className={locked ? "nav-link nav-link-locked" : "nav-link"}
                aria-current={current(path, item.to) ? "page" : undefined}
              >
                {item.label}
                {locked && <LockMark />}
              </Link>
            );
          })}
        </nav>
        <div className="account">
          <span className="account-name">{session.account.name}</span>
          <Link
            to="/settings/account"
            className="account-user"
            title={`${session.user.email}(${session.user.roleLabel})`}
          >
            {session.user.name || session.user.email}
          </Link>
          {/* Beside the account, not in the long menu: every role has at least アカウント under it. */}
          <Link
            to="/settings"
            className="button button-quiet"
            aria-current={path.startsWith("/settings") ? "page" : undefined}
          >
            設定
          </Link>
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
