import { type ReactNode, useEffect, useState } from "react";
import { Link, useLocation } from "../shell/router.tsx";
import { BUYER } from "./paths.ts";
import { useBuyer, useBuyerSession } from "./session.tsx";

const MENU = [
  { to: BUYER.top, label: "TOP" },
  { to: BUYER.form, label: "発注フォーム" },
  { to: BUYER.history, label: "発注履歴" },
];

/** Phone first: a top bar with the side menu (≡) behind one button; the page below takes the whole width. */
export function BuyerLayout({ children }: { children: ReactNode }) {
  const session = useBuyer();
  const { signOut } = useBuyerSession();
  const { path } = useLocation();
  const [open, setOpen] = useState(false);
  // Each choice from the menu opens its page afresh, even the one on screen (tapping 発注履歴 again reloads it).
  const [visit, setVisit] = useState(0);
  // A page chosen from the menu closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on every new address.
  useEffect(() => setOpen(false), [path]);
  return (
    <div className="buyer-layout">
      <header className="buyer-bar">
        <button
          type="button"
          className="buyer-menu-button"
          aria-label="メニュー"
          aria-expanded={open}
          aria-controls="buyer-menu"
          onClick={() => setOpen(!open)}
        >
          ≡
        </button>
        <Link to={BUYER.top} className="buyer-brand">
          {session.merchant.name} <span>発注</span>
        </Link>
      </header>
      <nav id="buyer-menu" className="buyer-menu" hidden={!open} aria-label="サイドメニュー">
        <p className="buyer-who">
          {session.company.name}
          <br />
          <span className="muted">{session.buyer.name || session.buyer.email}</span>
        </p>
        {MENU.map((m) => (
          <Link
            key={m.to}
            to={m.to}
            className="buyer-menu-link"
            aria-current={path === m.to ? "page" : undefined}
            onClick={() => {
              setOpen(false);
              setVisit((n) => n + 1);
            }}
          >
            {m.label}
          </Link>
        ))}
        <button type="button" className="button button-quiet" onClick={() => void signOut()}>
          ログアウト
        </button>
      </nav>
      <main className="buyer-main" id="main" key={visit}>
        {children}
      </main>
    </div>
  );
}
