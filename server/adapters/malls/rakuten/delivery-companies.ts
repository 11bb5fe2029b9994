import type { Carrier } from "#server/domain/carrier.ts";

/** RMS deliveryCompany codes (sent as strings; a carrier's name is a format error). */
export const RMS_DELIVERY_COMPANIES: Record<Carrier, string> = {
  yamato: "1001",
  sagawa: "1002",
  japanpost: "1003",
  other: "1000",
};
