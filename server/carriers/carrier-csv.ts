import { carrierLayout } from "./registry.ts";
import {
  type CarrierCsv,
  type CarrierCsvFormat,
  type CarrierCsvProblem,
  CarrierCsvRefusal,
  type CarrierCsvSettings,
  type CarrierSlip,
} from "./slip.ts";

/**
 * The rows of a carrier's import CSV, as text (encoding is the CSV adapter's job). A slip with a problem
 * is left out with every problem found on it, so the good slips still print today and the merchant fixes
 * the rest in one go. A problem with the shared settings refuses the file: no slip could be printed.
 */
export function carrierCsv(
  format: CarrierCsvFormat,
  slips: readonly CarrierSlip[],
  settings: CarrierCsvSettings,
): CarrierCsv | CarrierCsvRefusal {
  const layout = carrierLayout(format);
  if (!layout) throw new Error(`no carrier registers the slip format ${format}`);
  const settingsProblems = layout.settingsProblems?.(settings) ?? [];
  if (settingsProblems.length > 0) return new CarrierCsvRefusal(settingsProblems);
  const csv: CarrierCsv = { header: [...layout.header], rows: [], included: [], leftOut: [] };
  const seen = new Set<string>();
  for (const slip of slips) {
    const problems: CarrierCsvProblem[] = [];
    // B2 and e飛伝 hand the tracking number back per お客様管理番号: a repeat would be ambiguous.
    if (seen.has(slip.slipNumber))
      problems.push({
        slipNumber: slip.slipNumber,
        field: layout.slipNumberField,
        rule: "format",
        message: `${layout.slipNumberField} ${slip.slipNumber} が2回あります`,
        value: slip.slipNumber,
        fixedIn: "order",
      });
    seen.add(slip.slipNumber);
    const row = layout.row(slip, settings, (p) => problems.push(p));
    if (problems.length > 0) csv.leftOut.push({ slipNumber: slip.slipNumber, problems });
    else {
      csv.rows.push(row);
      csv.included.push(slip.slipNumber);
    }
  }
  return csv;
}
