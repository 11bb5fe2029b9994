import { type ColdTemperature, TEMPERATURE_LABELS } from "./shipping-service.ts";

/** What the person packing a parcel must see besides its items: the buyer's wishes and how it travels. */
export type ParcelFacts = {
  gift: boolean;
  wrappings: readonly { name: string }[];
  noshi: string | null;
  dropOffLocation: string | null;
  temperature: ColdTemperature | null;
  pickupPoint: { kind: string; name: string } | null;
  remoteIsland: boolean;
};

/** One short line per wish, in the order they are done at the packing table; none for a plain parcel. */
export function parcelNotes(facts: ParcelFacts): string[] {
  return [
    facts.gift ? "ギフト" : null,
    facts.wrappings.length ? `ラッピング: ${facts.wrappings.map((w) => w.name).join("・")}` : null,
    facts.noshi ? `のし: ${facts.noshi}` : null,
    facts.temperature ? `クール便(${TEMPERATURE_LABELS[facts.temperature]})` : null,
    facts.pickupPoint ? `受取場所: ${facts.pickupPoint.kind} ${facts.pickupPoint.name}`.trim() : null,
    facts.dropOffLocation ? `置き配: ${facts.dropOffLocation}` : null,
    facts.remoteIsland ? "離島・一部地域" : null,
  ].filter((note): note is string => note !== null);
}
