/**
 * The buyer portal's names for the buyer API's shapes. Every shape comes from buyer-generated.ts
 * (`npm run api:types`, written from GET /api/buyer/openapi.json — the buyer API's own document).
 */
import type { components, paths } from "../api/buyer-generated.ts";

type Schemas = components["schemas"];
/** What GET `path` answers on success. */
type Answer<P extends keyof paths> = paths[P] extends {
  get: { responses: { "200": { content: { "application/json": infer J } } } };
}
  ? J
  : never;

export type BuyerSession = Schemas["BuyerSession"];
export type BuyerInvitationView = Answer<"/api/buyer/invitations/{token}">;
export type CataloguePage = Answer<"/api/buyer/catalogue">;
export type CatalogueItem = CataloguePage["items"][number];
export type ShipTo = Schemas["BuyerShipTo"];
export type BuyerOrder = Schemas["BuyerOrder"];
export type BuyerOrderPage = Answer<"/api/buyer/orders">;
export type BuyerOrderDetail = Schemas["BuyerOrderDetail"];
export type CancelRequestView = NonNullable<BuyerOrder["cancelRequest"]>;
export type CancelReason = Answer<"/api/buyer/cancel-reasons">["items"][number];
