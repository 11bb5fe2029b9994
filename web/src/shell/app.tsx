import { useEffect } from "react";
import { AttentionScreen } from "../attention/attention-screen.tsx";
import { MapFromOrderScreen } from "../attention/map-from-order-screen.tsx";
import { B2bRoutes } from "../b2b/routes.tsx";
import { MappingsScreen } from "../catalog/mappings-screen.tsx";
import { OptionSurchargesScreen } from "../catalog/option-surcharges-screen.tsx";
import { ProductImportScreen } from "../catalog/product-import-screen.tsx";
import { ProductsScreen } from "../catalog/products-screen.tsx";
import { CustomerScreen } from "../customers/customer-screen.tsx";
import { CustomersScreen } from "../customers/customers-screen.tsx";
import { InquiryDetailScreen } from "../inquiries/inquiry-detail-screen.tsx";
import { InquiryListScreen } from "../inquiries/inquiry-list-screen.tsx";
import { MailCategoriesScreen } from "../mail/categories-screen.tsx";
import { MailLogScreen } from "../mail/mail-log-screen.tsx";
import { MailNav } from "../mail/mail-nav.tsx";
import { ShopMailSettingsScreen } from "../mail/shop-mail-settings-screen.tsx";
import { MailTemplatesScreen } from "../mail/templates-screen.tsx";
import { MailTransportScreen } from "../mail/transport-screen.tsx";
import { CsvImportScreen } from "../orders/csv-import-screen.tsx";
import { CsvProfilesScreen } from "../orders/csv-profiles-screen.tsx";
import { OrderDetailScreen } from "../orders/order-detail-screen.tsx";
import { OrderEntryScreen } from "../orders/order-entry-screen.tsx";
import { OrderListScreen } from "../orders/order-list-screen.tsx";
import { FeatureGate } from "../plan/plan-lock.tsx";
import { PlanScreen } from "../plan/plan-screen.tsx";
import { AccountScreen } from "../session/account-screen.tsx";
import { NeedsPermission } from "../session/can.tsx";
import { InvitationScreen } from "../session/invitation-screen.tsx";
import { LoginScreen } from "../session/login-screen.tsx";
import { useSession } from "../session/session.tsx";
import { SetupScreen } from "../session/setup-screen.tsx";
import { CustomerRanksScreen } from "../settings/customer-ranks-screen.tsx";
import { ImportCheckScreen } from "../settings/import-check-screen.tsx";
import { ImportRunsScreen } from "../settings/import-runs-screen.tsx";
import { SettingsHome } from "../settings/settings-nav.tsx";
import { ShopsScreen } from "../settings/shops-screen.tsx";
import { TagsScreen } from "../settings/tags-screen.tsx";
import { WarehousesScreen } from "../settings/warehouses-screen.tsx";
import { MergeCandidatesScreen } from "../shipping/merge-candidates-screen.tsx";
import { ShipmentListScreen } from "../shipping/shipment-list-screen.tsx";
import { TrackingImportScreen } from "../shipping/tracking-import-screen.tsx";
import { TokensScreen } from "../tokens/tokens-screen.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { UsersScreen } from "../users/users-screen.tsx";
import { DeliveriesScreen } from "../webhooks/deliveries-screen.tsx";
import { WebhooksScreen } from "../webhooks/webhooks-screen.tsx";
import { Layout } from "./layout.tsx";
import { ReferenceProvider } from "./reference-data.tsx";
import { match, navigate, useLocation } from "./router.tsx";

function Screen() {
  const { path } = useLocation();
  // Before /orders/:id, which would take these for an order's id.
  if (path === "/orders/new")
    return (
      <NeedsPermission permission="orders:write" title="受注登録">
        <OrderEntryScreen />
      </NeedsPermission>
    );
  if (path === "/orders/csv-import")
    return (
      <NeedsPermission permission="orders:write" title="CSV受注取込">
        <CsvImportScreen />
      </NeedsPermission>
    );
  if (path === "/orders/csv-profiles") return <CsvProfilesScreen />;
  const order = match("/orders/:id", path);
  if (order?.id) return <OrderDetailScreen key={order.id} id={order.id} />;
  const inquiry = match("/inquiries/:id", path);
  if (inquiry?.id)
    return (
      <FeatureGate feature="inquiry_linkage" title="問い合わせ">
        <InquiryDetailScreen key={inquiry.id} id={inquiry.id} />
      </FeatureGate>
    );
  if (path === "/b2b" || path.startsWith("/b2b/")) return <B2bRoutes path={path} />;
  const importCheck = match("/shops/:id/import-check", path);
  if (importCheck?.id) return <ImportCheckScreen key={importCheck.id} shopId={importCheck.id} />;
  const customer = match("/customers/:id", path);
  if (customer?.id) return <CustomerScreen key={customer.id} id={customer.id} />;
  const webhook = match("/settings/webhooks/:id", path);
  if (webhook?.id) return <DeliveriesScreen key={webhook.id} id={webhook.id} />;
  switch (path) {
    case "/attention":
      return <AttentionScreen />;
    case "/attention/map":
      return <MapFromOrderScreen />;
    case "/orders":
      return <OrderListScreen />;
    case "/inquiries":
      return (
        <FeatureGate feature="inquiry_linkage" title="問い合わせ">
          <InquiryListScreen />
        </FeatureGate>
      );
    case "/shipments":
      return <ShipmentListScreen />;
    case "/shipments/tracking-import":
      return (
        <NeedsPermission permission="shipping:write" title="伝票番号取込">
          <TrackingImportScreen />
        </NeedsPermission>
      );
    case "/shipments/merge":
      return <MergeCandidatesScreen />;
    case "/products":
      return <ProductsScreen />;
    case "/products/import":
      return <ProductImportScreen />;
    case "/option-surcharges":
      return <OptionSurchargesScreen />;
    case "/mappings":
      return <MappingsScreen />;
    case "/shops":
      return <ShopsScreen />;
    case "/imports":
      return <ImportRunsScreen />;
    case "/tags":
      return <TagsScreen />;
    case "/customers":
      return <CustomersScreen />;
    case "/customer-ranks":
      return <CustomerRanksScreen />;
    case "/warehouses":
      return <WarehousesScreen />;
    case "/mail":
      return (
        <FeatureGate feature="mail_automation" title="メールカテゴリー" nav={<MailNav />}>
          <MailCategoriesScreen />
        </FeatureGate>
      );
    case "/mail/templates":
      return <MailTemplatesScreen />;
    case "/mail/shops":
      return (
        <FeatureGate feature="mail_automation" title="ショップ別設定" nav={<MailNav />}>
          <ShopMailSettingsScreen />
        </FeatureGate>
      );
    case "/mail/transport":
      return <MailTransportScreen />;
    case "/mails":
      return <MailLogScreen />;
    case "/settings":
      return <SettingsHome />;
    case "/settings/users":
      return <UsersScreen />;
    case "/settings/api-tokens":
      return <TokensScreen />;
    case "/settings/webhooks":
      return <WebhooksScreen />;
    case "/settings/plan":
      return <PlanScreen />;
    case "/settings/account":
      return <AccountScreen />;
    default:
      // The home page, and any address that is not a screen, is 要対応: what waits for a person comes first.
      return <RedirectToAttention />;
  }
}

function RedirectToAttention() {
  useEffect(() => navigate("/attention", { replace: true }), []);
  return null;
}

export function App() {
  const { state } = useSession();
  const { path } = useLocation();
  // The invited person has no session yet: their page stands outside the log-in.
  const invitation = match("/invitations/:token", path);
  if (invitation?.token) return <InvitationScreen token={invitation.token} />;
  switch (state.kind) {
    case "loading":
      return <Loading />;
    case "failed":
      return <ErrorNotice error={state.error} title="管理画面を開けません" />;
    case "setup":
      return <SetupScreen />;
    case "signedOut":
      return <LoginScreen expired={state.expired} />;
    case "signedIn":
      return (
        <ReferenceProvider key={state.session.user.id} initial={state.reference}>
          <Layout>
            <Screen />
          </Layout>
        </ReferenceProvider>
      );
  }
}
