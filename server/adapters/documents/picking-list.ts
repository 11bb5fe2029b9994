import { PDFDocument } from "pdf-lib";
import { embedFonts } from "./fonts.ts";
import { japaneseDateTime } from "./format.ts";
import type { Column } from "./layout.ts";
import { lineHeight, MARGIN, PageFlow } from "./page-flow.ts";

export interface PickingLine {
  sku: string;
  name: string;
  quantity: number;
}

export interface PickingShipment {
  slipNumber: string;
  orderNumbers: string[];
  recipientName: string;
  /** The buyer's wishes the packer must follow (ギフト, ラッピング, のし, クール, 置き配 …). */
  notes: string[];
  lines: PickingLine[];
}

export interface PickingList {
  warehouseName: string;
  generatedAt: Date;
  totals: PickingLine[];
  shipments: PickingShipment[];
}

const SKU_WIDTH = 120;
const QUANTITY_WIDTH = 50;
const CHECK_WIDTH = 26;

/**
 * ピッキングリスト for the merchant's own stock room: per-SKU totals to gather from the shelves first,
 * then each shipment with a box to tick as its lines go into the parcel.
 */
export async function renderPickingList(list: PickingList): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`ピッキングリスト ${list.warehouseName}`);
  doc.setLanguage("ja-JP");
  const fonts = await embedFonts(doc);
  const flow = new PageFlow(doc, fonts, (run) => drawHeader(run, list));

  const totals = [...list.totals].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  const pieces = totals.reduce((sum, line) => sum + line.quantity, 0);
  const quantity = (n: number) => n.toLocaleString("ja-JP");
  flow.table(
    [
      { header: "SKU", width: SKU_WIDTH },
      { header: "商品名", width: flow.width - SKU_WIDTH - QUANTITY_WIDTH },
      { header: "数量", width: QUANTITY_WIDTH, align: "right" },
    ],
    totals.map((line) => [line.sku, line.name, quantity(line.quantity)]),
    { caption: `商品別合計（${totals.length}品目・${quantity(pieces)}点）` },
  );

  const shipmentColumns: Column[] = [
    { header: "✓", width: CHECK_WIDTH, align: "center" },
    { header: "SKU", width: SKU_WIDTH },
    { header: "商品名", width: flow.width - CHECK_WIDTH - SKU_WIDTH - QUANTITY_WIDTH },
    { header: "数量", width: QUANTITY_WIDTH, align: "right" },
  ];
  list.shipments.forEach((shipment, i) => {
    flow.y -= i === 0 ? 16 : 10;
    flow.table(
      shipmentColumns,
      shipment.lines.map((line) => ["□", line.sku, line.name, quantity(line.quantity)]),
      {
        caption: [
          `送り状番号 ${shipment.slipNumber}　注文番号 ${shipment.orderNumbers.join("、")}　${shipment.recipientName} 様`,
          ...(shipment.notes.length ? [`※ ${shipment.notes.join("　")}`] : []),
        ].join("\n"),
      },
    );
  });

  flow.numberPages((page, total) => `${page} / ${total}`);
  return doc.save();
}

function drawHeader(flow: PageFlow, list: PickingList): void {
  const first = flow.pages.length === 1;
  const top = flow.y;
  const titleSize = first ? 18 : 12;
  flow.drawLine(first ? "ピッキングリスト" : "ピッキングリスト（続き）", MARGIN, top, flow.width, {
    size: titleSize,
    bold: true,
  });
  let side = top;
  for (const line of [list.warehouseName, `作成 ${japaneseDateTime(list.generatedAt)}`]) {
    side = flow.drawBlock(line, MARGIN + flow.width - 220, side, 220, { size: 9, align: "right" });
  }
  flow.y = Math.min(side, top - lineHeight(titleSize)) - 10;
}
