/**
 * The admin's names for the API's shapes. Every shape comes from generated.ts (`npm run api:types`,
 * written from GET /api/openapi.json), so a change to a route's zod schema shows here as a type error.
 */
import type { components, paths } from "./generated.ts";

type Schemas = components["schemas"];
type Json<T> = T extends { content: { "application/json": infer J } } ? J : never;
type Operation<P extends keyof paths, M extends string> = M extends keyof paths[P] ? paths[P][M] : never;
/** What `method path` answers on success (200, 201 or 202). */
export type Answer<P extends keyof paths, M extends string = "get"> =
  Operation<P, M> extends { responses: infer R }
    ? Json<R[Extract<keyof R, 200 | 201 | 202 | "200" | "201" | "202">]>
    : never;
/** The JSON body `method path` takes. */
export type Body<P extends keyof paths, M extends string> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
/** A list answer's rows. */
export type Row<P extends keyof paths> = Answer<P> extends { items: (infer T)[] } ? T : never;

export type Vocabulary = Schemas["Vocabulary"];
export type Coded = Vocabulary["orderStatuses"][number];
/** A registered channel as /api/vocabulary gives it: only these take shops. */
export type Channel = Vocabulary["channels"][number];
export type CredentialField = Channel["credentials"][number];
export type Session = Schemas["Session"];
/** The lists every screen labels things with, as GET /api/session?include=reference gives them. */
export type ReferenceData = Schemas["Reference"];

// 受注
export type OrderSummary = Schemas["OrderSummary"];
export type OrderPage = Answer<"/api/orders">;
export type TagRef = OrderSummary["tags"][number];
export type StatusCounts = Answer<"/api/orders/counts">;
export type Count = StatusCounts["all"];
export type Order = Schemas["Order"];
export type OrderAction = Order["allowedActions"][number];
export type Address = Order["shipTo"];
export type Shipment = Order["shipments"][number];
export type ShipmentFields = Omit<Shipment, "allowedActions" | "allocations">;
export type Parcel = Shipment["parcels"][number];
export type BulkAction = Schemas["BulkOrderAction"]["action"];
export type BulkResult = Answer<"/api/orders/bulk", "post">["results"][number];
export type BulkRun = Schemas["BulkOrderRun"];

// 店舗・取込
export type Shop = Schemas["Shop"];
export type ShopSettings = Shop["settings"];
export type SetupChecklist = Schemas["SetupChecklist"];
export type SetupChecklistItem = SetupChecklist["items"][number];
export type ImportCheck = Schemas["ImportCheck"];
/** R-Messe連携: shown only for a channel whose capabilities include inquiries. */
export type InquiryLinkage = ShopSettings["inquiryLinkage"];
export type ConnectionTest = Answer<"/api/shops/{id}/test-connection", "post">;
export type ImportRun = Schemas["ImportRun"];
export type ImportRunStatus = ImportRun["status"];

// タグ
export type Tag = Schemas["Tag"];
export type TagRule = NonNullable<Tag["rule"]>;
export type TagCondition = TagRule["conditions"][number];
export type DryRun = Schemas["TagDryRun"];

// 商品・在庫・マッピング
export type Product = Schemas["Product"];
export type ProductPage = Answer<"/api/products">;
export type StockLine = Product["stock"][number];
export type StockMovement = Schemas["StockMovement"];
export type DeliveryConditions = Schemas["DeliveryConditions"];
export type Mapping = Schemas["ProductMapping"];
export type MappingPage = Answer<"/api/product-mappings">;
export type UnmappedItems = Answer<"/api/product-mappings/unmapped">;
export type UnmappedItem = Row<"/api/product-mappings/unmapped">;

// 出荷・倉庫
export type ShipmentRow = Schemas["ShipmentRow"];
export type ShipmentList = Answer<"/api/shipments">;
export type MergeCandidate = Answer<"/api/shipments/merge-candidates">["groups"][number][number];
export type TrackingImportProfile = Schemas["TrackingImportProfile"];
export type TrackingImportReport = Answer<"/api/warehouses/{id}/tracking-imports", "post">;
export type Warehouse = Schemas["Warehouse"];
export type WarehouseKind = Schemas["WarehouseKind"];
export type Sender = NonNullable<Warehouse["settings"]["sender"]>;
export type CarrierCsvExport = Schemas["CarrierCsvExport"];
export type LeftOutSlip = CarrierCsvExport["leftOut"][number];

// メール
export type MailCategory = Schemas["MailCategory"];
export type TriggerKind = MailCategory["triggerKind"];
export type MailTemplate = Schemas["MailTemplate"];
export type Placeholder = Row<"/api/mail-placeholders">;
export type StandardTemplate = Row<"/api/mail-templates/standard">;
export type ShopMailSetting = Row<"/api/shops/{id}/mail-settings">;
export type MailTransport = NonNullable<Answer<"/api/mail-transport">["transport"]>;
export type Mail = Schemas["Mail"];
export type MailStatus = Mail["status"];
export type MailList = Answer<"/api/mails">;

// CSV受注取込
export type CsvOrderProfile = Schemas["CsvOrderProfile"];
export type CsvOrderProfiles = Answer<"/api/csv-order-profiles">;
export type CsvOrderField = CsvOrderProfiles["fields"][number];
export type CsvImportRun = Schemas["CsvImportRun"];
export type CsvImportRowPage = Answer<"/api/csv-imports/{id}/rows">;
export type CsvImportRow = Schemas["CsvImportRow"];

// 問い合わせ (R-Messe)
export type InquiryPage = Answer<"/api/inquiries">;
export type InquiryRow = Schemas["InquirySummary"];
export type Inquiry = Schemas["InquiryDetail"];

// ユーザー・権限・APIトークン
export type RoleCode = Session["user"]["role"];
export type Plan = Session["plan"];
/** A plan feature: mail_automation, inquiry_linkage … */
export type Feature = Plan["features"][number];
export type User = Schemas["User"];
export type Role = Row<"/api/roles">;
export type Invitation = Answer<"/api/users/invitations", "post">;
export type InvitationView = Answer<"/api/invitations/{token}">;
export type SignedInDevice = Row<"/api/me/sessions">;
export type ApiToken = Schemas["ApiToken"];
export type Permissions = Answer<"/api/permissions">;

// プラン
export type PlanOverview = Answer<"/api/plan">;

// Webhook
export type WebhookEndpoint = Schemas["WebhookEndpoint"];
export type WebhookEventType = Row<"/api/webhooks/event-types">;
export type Delivery = Schemas["WebhookDelivery"];
export type DeliveryDetail = Schemas["WebhookDeliveryDetail"];
export type DeliveryPage = Answer<"/api/webhooks/{id}/deliveries">;

// 倉庫カレンダー
export type WarehouseCalendar = Schemas["WarehouseCalendar"];
export type WarehouseCalendarInput = Schemas["WarehouseCalendarInput"];
export type CalendarDay = Schemas["CalendarDay"];
export type ProductImportRun = Schemas["ProductImportRun"];
export type ProductImportRow = Schemas["ProductImportRow"];
export type ProductImportRowPage = Answer<"/api/product-imports/{id}/rows">;
export type ProductImportFormat = Row<"/api/product-import-formats">;
