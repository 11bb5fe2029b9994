import { japanpostYupri } from "./japanpost-yupri.ts";
import { sagawaEhiden } from "./sagawa-ehiden.ts";
import {
  type CarrierCsv,
  type CarrierCsvFormat,
  type CarrierCsvProblem,
  CarrierCsvRefusal,
  type CarrierCsvSettings,
  type CarrierLayout,
  type CarrierSlip,
} from "./slip.ts";
import { yamatoB2 } from "./yamato-b2.ts";

export const CARRIER_LAYOUTS: Readonly<Record<CarrierCsvFormat, CarrierLayout>> = {
  yamato_b2: yamatoB2,
  sagawa_ehiden: sagawaEhiden,
  japanpost_yupri: japanpostYupri,
};

/**
 * The rows of a carrier's import CSV, as text (encoding is the CSV adapter's job). All or nothing:
 * a file with one bad slip would import half a batch into the carrier's software, so any problem
 * refuses the file, listing every problem of every slip.
 */
export function carrierCsv(
  format: CarrierCsvFormat,
  slips: readonly CarrierSlip[],
  settings: CarrierCsvSettings,
): CarrierCsv | CarrierCsvRefusal {
  const layout = CARRIER_LAYOUTS[format];
  const problems: CarrierCsvProblem[] = [...(layout.settingsProblems?.(settings) ?? [])];
  const seen = new Set<string>();
  const rows = slips.map((slip) => {
    // B2 and e飛伝 hand the tracking number back per お客様管理番号: a repeat would be ambiguous.
    if (seen.has(slip.slipNumber))
      problems.push({
        slipNumber: slip.slipNumber,
        field: layout.slipNumberField,
        rule: "format",
        message: `${layout.slipNumberField} ${slip.slipNumber} が2回あります`,
        value: slip.slipNumber,
      });
    seen.add(slip.slipNumber);
    return layout.row(slip, settings, (p) => problems.push(p));
  });
  if (problems.length > 0) return new CarrierCsvRefusal(problems);
  return { header: [...layout.header], rows };
}
