import { useState } from "react";
import type { ListFilters } from "./list-query.ts";
import { OrderExportDialog } from "./order-export-dialog.tsx";

/** 受注一覧's header tools: the CSV export of the whole filter, and a clean print of what is on screen. */
export function ListTools({ filters }: { filters: ListFilters }) {
  const [exporting, setExporting] = useState(false);
  return (
    <div className="screen-tools no-print">
      <button type="button" className="button" onClick={() => setExporting(true)}>
        CSV出力
      </button>
      <PrintButton />
      {exporting && <OrderExportDialog filters={filters} onClose={() => setExporting(false)} />}
    </div>
  );
}

/** The browser's print of the screen; the print stylesheet leaves out navigation and controls. */
export function PrintButton() {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      印刷
    </button>
  );
}
