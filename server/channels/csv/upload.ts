import { readCsvRecords } from "#server/adapters/csv/read-stream.ts";
import type { OrderFileUpload } from "#server/ports/order-upload.ts";
import {
  CSV_DATE_FORMATS,
  CSV_ENCODINGS,
  CSV_ORDER_FIELD_NAMES,
  CSV_ORDER_FIELDS,
  type CsvOrderProfile,
} from "./fields.ts";
import { BUILT_IN_PROFILES, juchuTemplateCsv } from "./profiles.ts";
import { readOrderBatches } from "./read-orders.ts";

/** Order CSVs read through a column-mapping profile: what the channel offers generic upload code. */
export const csvUpload: OrderFileUpload = {
  fields: CSV_ORDER_FIELD_NAMES.map((field) => ({ field, ...CSV_ORDER_FIELDS[field] })),
  encodings: CSV_ENCODINGS,
  dateFormats: CSV_DATE_FORMATS,
  builtInLayouts: BUILT_IN_PROFILES,
  template: { fileName: "juchu-orders-template.csv", content: juchuTemplateCsv },
  layoutProblems(layout) {
    const problems: { path: string[]; message: string }[] = [];
    for (const f of CSV_ORDER_FIELD_NAMES) {
      const columns = layout.columns[f] ?? [];
      if (CSV_ORDER_FIELDS[f].required && columns.length === 0)
        problems.push({
          path: ["columns", f],
          message: `${CSV_ORDER_FIELDS[f].label}の列を指定してください`,
        });
      if (!layout.headerRow && columns.some((c) => !/^[1-9]\d{0,2}$/.test(c)))
        problems.push({
          path: ["columns", f],
          message: "見出し行がないときは列番号(1から)で指定してください",
        });
    }
    return problems;
  },
  readOrders(chunks, layout, options, progress) {
    // A layout is one of the built-in profiles or a merchant's, checked against `encodings`,
    // `dateFormats` and `layoutProblems` when it was saved.
    const profile = layout as CsvOrderProfile;
    return readOrderBatches(readCsvRecords(chunks, profile.encoding, progress), profile, options);
  },
};
