/** The BtoB screens' names for the /api/b2b shapes, all from generated.ts. */
import type { components } from "../api/generated.ts";
import type { Answer, Body, Order } from "../api/types.ts";

type Schemas = components["schemas"];

export type Company = Schemas["BuyerCompany"];
export type PaymentTerms = Company["paymentTerms"];
export type CompanyInput = Body<"/api/b2b/companies", "post">;
export type MailDestination = Schemas["BuyerMailDestination"];
export type ShipToEntry = Schemas["BuyerShipTo"];
export type BuyerUser = Schemas["BuyerUser"];
export type BuyerInvitation = Answer<"/api/b2b/companies/{id}/buyers", "post">;
export type Price = Schemas["BuyerPrice"];
export type B2bSettings = Answer<"/api/b2b/settings">;
/** What 受注一覧 and 受注詳細 carry for an order of the BtoB desk (null for every other order). */
export type B2bOrderView = NonNullable<Order["b2b"]>;

export type List<T> = { items: T[] };
