import { useState } from "react";
import { ApiError, api, download, query, saveFile } from "../api/client.ts";
import type { CarrierCsvExport, LeftOutSlip, ShipmentRow } from "../api/types.ts";
import { count } from "../format.ts";
import { useReference } from "../shell/reference-data.tsx";
import { ErrorNotice } from "../ui/states.tsx";

/** The file's bytes from the answer's Base64. */
const csvFile = (answer: CarrierCsvExport) =>
  new Blob([Uint8Array.from(atob(answer.csvBase64 ?? ""), (c) => c.charCodeAt(0))], {
    type: answer.contentType,
  });

/**
 * Paperwork for the chosen 出荷中 shipments of the own stock room. The carrier slips download with the
 * good shipments; the ones left out go to the screen (onLeftOut) to be shown with what to fix.
 */
export function StockRoomBar({
  shipments,
  onClear,
  onLeftOut,
}: {
  shipments: ShipmentRow[];
  onClear: () => void;
  onLeftOut: (leftOut: LeftOutSlip[]) => void;
}) {
  const formats = useReference().vocabulary.carrierCsvFormats;
  const [format, setFormat] = useState(formats[0]?.code ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ title: string; error: ApiError }>();
  const warehouseIds = [...new Set(shipments.map((s) => s.warehouseId))];
  const warehouseId = warehouseIds.length === 1 ? warehouseIds[0] : undefined;
  const ids = shipments.map((s) => s.id);
  const shipmentIds = ids.join(",");
  const orderIds = [...new Set(shipments.map((s) => s.orderId))];

  const run = async (title: string, job: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await job();
    } catch (e) {
      setError({ title, error: e instanceof ApiError ? e : new ApiError(0, null) });
    } finally {
      setBusy(false);
    }
  };
  const base = `/api/warehouses/${warehouseId}`;

  return (
    <>
      <section className="bulk-bar" aria-label="出荷作業">
        <span>
          <strong>{count(shipments.length)}件</strong>を選択中
        </span>
        {!warehouseId ? (
          <span className="muted">倉庫ごとに作成します。倉庫で絞り込んでください。</span>
        ) : (
          <>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void run("ピッキングリストを作れませんでした", () =>
                  download("GET", `${base}/picking-list.pdf${query({ shipmentIds })}`),
                )
              }
            >
              ピッキングリスト(PDF)
            </button>
            <span className="inline-group">
              <select aria-label="送り状の形式" value={format} onChange={(e) => setFormat(e.target.value)}>
                {formats.map((f) => (
                  <option key={f.code} value={f.code}>
                    {f.label}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() =>
                  void run("送り状CSVを作れませんでした", async () => {
                    onLeftOut([]);
                    const answer = await api<CarrierCsvExport>("POST", `${base}/carrier-csv`, {
                      format,
                      shipmentIds: ids,
                    });
                    if (answer.csvBase64 !== null) saveFile(csvFile(answer), answer.fileName);
                    onLeftOut(answer.leftOut);
                  })
                }
              >
                送り状CSV
              </button>
            </span>
          </>
        )}
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            void run("納品書を作れませんでした", () =>
              download("POST", "/api/delivery-notes.pdf", { orderIds }),
            )
          }
        >
          納品書(PDF)
        </button>
        <button type="button" className="button button-quiet" onClick={onClear}>
          選択を解除
        </button>
      </section>
      {error && <ErrorNotice error={error.error} title={error.title} />}
    </>
  );
}
