/** The CSV order channel's API shapes (GET /api/csv-order-profiles, /api/csv-imports …). */
export type CsvOrderField = { field: string; label: string; required: boolean };

export type CsvOrderProfile = {
  id: string;
  builtIn: boolean;
  name: string;
  encoding: "auto" | "shift_jis" | "utf-8";
  headerRow: boolean;
  dateFormat: string;
  columns: Record<string, string[]>;
};

export type CsvImportRun = {
  id: string;
  shopId: string;
  profileId: string;
  profileName: string;
  fileName: string | null;
  status: "uploading" | "queued" | "running" | "succeeded" | "failed";
  encoding: string | null;
  totalBytes: number;
  bytesRead: number;
  rowsRead: number;
  created: number;
  unchanged: number;
  skipped: number;
  failed: number;
  failedRows: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
};

export type CsvImportRow = {
  line: number;
  orderNumber: string | null;
  outcome: "created" | "unchanged" | "skipped" | "failed";
  orderId: string | null;
  field: string | null;
  fieldLabel: string | null;
  rule: string | null;
  message: string | null;
};
