import type { Parcel } from "../api/types.ts";

/** 伝票番号 of each parcel, linked to the carrier's tracking page when it has one. */
export function ParcelLinks({ parcels }: { parcels: Parcel[] }) {
  if (parcels.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="parcels">
      {parcels.map((p) => (
        <li key={`${p.carrier}:${p.trackingNumber}`}>
          {p.carrierLabel}{" "}
          {p.trackingUrl ? (
            <a href={p.trackingUrl} target="_blank" rel="noreferrer">
              {p.trackingNumber}
            </a>
          ) : (
            <code>{p.trackingNumber}</code>
          )}
        </li>
      ))}
    </ul>
  );
}
