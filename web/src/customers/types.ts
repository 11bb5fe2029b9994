import type { components } from "../api/generated.ts";

type Schemas = components["schemas"];
/** 顧客ランク設定's one rank. */
export type CustomerRank = Schemas["CustomerRank"];
export type Customer = Schemas["Customer"];
export type CustomerDetail = Schemas["CustomerDetail"];
