import { FeatureGate } from "../plan/plan-lock.tsx";
import { NeedsPermission } from "../session/can.tsx";
import { match } from "../shell/router.tsx";
import { B2bNav } from "./b2b-nav.tsx";
import { CompaniesScreen } from "./companies-screen.tsx";
import { CompanyScreen } from "./company-screen.tsx";
import { MailOrderScreen } from "./mail-order-screen.tsx";
import { PricesScreen } from "./prices-screen.tsx";
import { B2bSettingsScreen } from "./settings-screen.tsx";

/** The BtoB desk's screens (/b2b/…): on a plan with b2b_desk, for who may read 取引先. */
export function B2bRoutes({ path }: { path: string }) {
  const company = match("/b2b/companies/:id", path);
  const screen = company?.id ? (
    <CompanyScreen key={company.id} id={company.id} />
  ) : path === "/b2b/prices" ? (
    <PricesScreen />
  ) : path === "/b2b/settings" ? (
    <B2bSettingsScreen />
  ) : path === "/b2b/mail-orders/new" ? (
    <NeedsPermission permission="b2b:write" title="メール発注">
      <MailOrderScreen />
    </NeedsPermission>
  ) : (
    <CompaniesScreen />
  );
  return (
    <FeatureGate feature="b2b_desk" title="取引先" nav={<B2bNav />}>
      <NeedsPermission permission="b2b:read" title="取引先">
        {screen}
      </NeedsPermission>
    </FeatureGate>
  );
}
