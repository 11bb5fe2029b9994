import { useEffect } from "react";
import { AttentionScreen } from "../attention/attention-screen.tsx";
import { MapFromOrderScreen } from "../attention/map-from-order-screen.tsx";
import { MappingsScreen } from "../catalog/mappings-screen.tsx";
import { ProductsScreen } from "../catalog/products-screen.tsx";
import { InquiryDetailScreen } from "../inquiries/inquiry-detail-screen.tsx";
import { InquiryListScreen } from "../inquiries/inquiry-list-screen.tsx";
import { MailCategoriesScreen } from "../mail/categories-screen.tsx";
import { MailLogScreen } from "../mail/mail-log-screen.tsx";
import { ShopMailSettingsScreen } from "../mail/shop-mail-settings-screen.tsx";
import { MailTemplatesScreen } from "../mail/templates-screen.tsx";
import { MailTransportScreen } from "../mail/transport-screen.tsx";
import { CsvImportScreen } from "../orders/csv-import-screen.tsx";
import { CsvProfilesScreen } from "../orders/csv-profiles-screen.tsx";
import { OrderDetailScreen } from "../orders/order-detail-screen.tsx";
import { OrderEntryScreen } from "../orders/order-entry-screen.tsx";
import { OrderListScreen } from "../orders/order-list-screen.tsx";
import { LoginScreen } from "../session/login-screen.tsx";
import { useSession } from "../session/session.tsx";
import { SetupScreen } from "../session/setup-screen.tsx";
import { ImportRunsScreen } from "../settings/import-runs-screen.tsx";
import { ShopsScreen } from "../settings/shops-screen.tsx";
import { TagsScreen } from "../settings/tags-screen.tsx";
import { WarehousesScreen } from "../settings/warehouses-screen.tsx";
import { MergeCandidatesScreen } from "../shipping/merge-candidates-screen.tsx";
import { ShipmentListScreen } from "../shipping/shipment-list-screen.tsx";
import { TrackingImportScreen } from "../shipping/tracking-import-screen.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { Layout } from "./layout.tsx";
import { ReferenceProvider } from "./reference-data.tsx";
import { match, navigate, useLocation } from "./router.tsx";

function Screen() {
  const { path } = useLocation();
  // Before /orders/:id, which would take these for an order's id.
  if (path === "/orders/new") return <OrderEntryScreen />;
  if (path === "/orders/csv-import") return <CsvImportScreen />;
  if (path === "/orders/csv-profiles") return <CsvProfilesScreen />;
  const order = match("/orders/:id", path);
  if (order?.id) return <OrderDetailScreen key={order.id} id={order.id} />;
  const inquiry = match("/inquiries/:id", path);
  if (inquiry?.id) return <InquiryDetailScreen key={inquiry.id} id={inquiry.id} />;
  switch (path) {
    case "/attention":
      return <AttentionScreen />;
    case "/attention/map":
      return <MapFromOrderScreen />;
    case "/orders":
      return <OrderListScreen />;
    case "/inquiries":
      return <InquiryListScreen />;
    case "/shipments":
      return <ShipmentListScreen />;
    case "/shipments/tracking-import":
      return <TrackingImportScreen />;
    case "/shipments/merge":
      return <MergeCandidatesScreen />;
    case "/products":
      return <ProductsScreen />;
    case "/mappings":
      return <MappingsScreen />;
    case "/shops":
      return <ShopsScreen />;
    case "/imports":
      return <ImportRunsScreen />;
    case "/tags":
      return <TagsScreen />;
    case "/warehouses":
      return <WarehousesScreen />;
    case "/mail":
      return <MailCategoriesScreen />;
    case "/mail/templates":
      return <MailTemplatesScreen />;
    case "/mail/shops":
      return <ShopMailSettingsScreen />;
    case "/mail/transport":
      return <MailTransportScreen />;
    case "/mails":
      return <MailLogScreen />;
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
