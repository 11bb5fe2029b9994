import type { Feature } from "../api/types.ts";
import { LockMark } from "../plan/plan-lock.tsx";
import { useSignedIn } from "../session/session.tsx";
import { Link, useLocation } from "../shell/router.tsx";

/** `feature`: the plan feature a page belongs to; without it the page is shown locked. */
const PAGES: { to: string; label: string; feature?: Feature }[] = [
  { to: "/mail", label: "メールカテゴリー(自動送信)", feature: "mail_automation" },
  { to: "/mail/templates", label: "メールテンプレート" },
  { to: "/mail/shops", label: "ショップ別設定", feature: "mail_automation" },
  { to: "/mail/transport", label: "SMTP設定" },
];

/** The mail settings under the one メール設定 menu item. */
export function MailNav() {
  const { path } = useLocation();
  const { plan } = useSignedIn();
  return (
    <nav className="sub-nav" aria-label="メール設定メニュー">
      {PAGES.map((p) => (
        <Link key={p.to} to={p.to} className="sub-nav-link" aria-current={path === p.to ? "page" : undefined}>
          {p.label}
          {p.feature && !plan.features.includes(p.feature) && <LockMark />}
        </Link>
      ))}
    </nav>
  );
}

/** 0 → 即時; otherwise days and hours after the status change. */
export function delayLabel(minutes: number): string {
  if (minutes <= 0) return "即時";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return `${days ? `${days}日` : ""}${hours ? `${hours}時間` : ""}${rest ? `${rest}分` : ""}後`;
}
