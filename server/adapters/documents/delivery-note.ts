import { PDFDocument } from "pdf-lib";
import { embedFonts } from "./fonts.ts";
import { japaneseDate, yen } from "./format.ts";
import type { Column } from "./layout.ts";
import { lineHeight, MARGIN, PageFlow } from "./page-flow.ts";

export interface DeliveryNote {
  shop: { name: string; postalCode?: string; address?: string; phone?: string; email?: string };
  orderNumber: string;
  orderedAt: Date;
  buyer: { name: string };
  shipTo: {
    name: string;
    postalCode: string;
    prefecture: string;
    address1: string;
    address2?: string;
    phone: string;
  };
  /**
   * code: the 商品番号 the buyer saw; choice: the 項目・選択肢, printed under the name; optionAmount:
   * オプション金額 per unit, printed under them and counted in the line's 金額.
   */
  items: {
    name: string;
    code: string;
    choice?: string;
    optionAmount?: number;
    unitPrice: number;
    quantity: number;
  }[];
  shippingFee: number | null;
  /** 手数料 (e.g. 代引手数料). */
  fees: number | null;
  /** The parts of fees, each on its own row instead of 手数料 (代引手数料, 後払い手数料, ラッピング料 …). */
  feeLines?: { label: string; amount: number | null }[];
  couponDiscount: number | null;
  /** The coupons by who pays for them, each on its own row instead of クーポン値引. */
  couponLines?: { label: string; amount: number }[];
  /** 税率別内訳: the billed amount and the tax in it per rate (8 % 軽減税率, 10 %). */
  taxSummary?: { ratePercent: number; amount: number | null; tax: number | null }[];
  /** ギフト・ラッピング・のし and the like, printed above the remarks. */
  notes?: string[];
  pointsUsed: number | null;
  total: number | null;
  paymentMethod: string;
  remarks?: string | null;
  issuedOn: Date;
  /**
   * Set when the order goes in several parcels and this note is for one of them: items are that
   * parcel's only, so the amounts print as its 小計 and the order's total (ご注文合計).
   */
  parcel?: { slipNumber: string; index: number; count: number };
}

const THANKS = "この度はお買い上げいただき、誠にありがとうございます。";
const SIDE_WIDTH = 230;

/** 納品書 for one or more orders in a single A4 PDF; each order starts on its own page and is numbered 1/n. */
export async function renderDeliveryNotes(notes: readonly DeliveryNote[]): Promise<Uint8Array> {
  // A PDF without pages is rejected by most viewers and printers, so an empty batch is the caller's bug.
  if (notes.length === 0) throw new RangeError("renderDeliveryNotes needs at least one delivery note");
  const doc = await PDFDocument.create();
  doc.setTitle(notes.length === 1 ? `納品書 ${notes[0]?.orderNumber}` : "納品書");
  doc.setLanguage("ja-JP");
  const fonts = await embedFonts(doc);
  for (const note of notes) {
    const flow = new PageFlow(doc, fonts, (run) =>
      run.pages.length === 1 ? drawFirstHeader(run, note) : drawContinuedHeader(run, note),
    );
    drawItems(flow, note);
    drawSummary(flow, note);
    // The tax per rate is the whole order's: on one parcel's note it would not add up to its lines.
    if (!note.parcel) drawTaxSummary(flow, note.taxSummary ?? []);
    drawNotes(flow, note.notes ?? []);
    drawRemarks(flow, note.remarks);
    flow.numberPages((page, total) => `${page}/${total}`);
  }
  return doc.save();
}

function drawFirstHeader(flow: PageFlow, note: DeliveryNote): void {
  flow.y = flow.drawLine("納品書", MARGIN, flow.y, flow.width, { size: 20, bold: true, align: "center" }) - 8;
  const sideX = MARGIN + flow.width - SIDE_WIDTH;
  const top = flow.y;

  const buyerBottom = flow.drawBlock(`${note.buyer.name} 様`, MARGIN, top, SIDE_WIDTH, {
    size: 14,
    bold: true,
  });
  let side = top;
  for (const line of [
    `発行日 ${japaneseDate(note.issuedOn)}`,
    `注文番号 ${note.orderNumber}`,
    `注文日 ${japaneseDate(note.orderedAt)}`,
    ...(note.parcel ? [`出荷番号 ${note.parcel.slipNumber}`] : []),
  ]) {
    side = flow.drawBlock(line, sideX, side, SIDE_WIDTH, { size: 9, align: "right" });
  }

  const { shipTo, shop } = note;
  let left = Math.min(buyerBottom, side) - 10;
  left = flow.drawLine("お届け先", MARGIN, left, SIDE_WIDTH, { size: 9, bold: true });
  for (const line of [
    `〒${shipTo.postalCode}`,
    `${shipTo.prefecture}${shipTo.address1}`,
    shipTo.address2,
    `${shipTo.name} 様`,
    `TEL ${shipTo.phone}`,
  ]) {
    if (line) left = flow.drawBlock(line, MARGIN, left, SIDE_WIDTH, { size: 9 });
  }

  let right = Math.min(buyerBottom, side) - 10;
  right = flow.drawBlock(shop.name, sideX, right, SIDE_WIDTH, { size: 11, bold: true });
  for (const line of [
    shop.postalCode && `〒${shop.postalCode}`,
    shop.address,
    shop.phone && `TEL ${shop.phone}`,
    shop.email,
  ]) {
    if (line) right = flow.drawBlock(line, sideX, right, SIDE_WIDTH, { size: 9 });
  }

  flow.y = Math.min(left, right) - 14;
  flow.paragraph(THANKS, { size: 10 });
  if (note.parcel) {
    const { index, count } = note.parcel;
    flow.paragraph(`このご注文は${count}個口でお届けします（${index}/${count}）。`, { size: 10, bold: true });
  }
  flow.paragraph(`お支払方法：${note.paymentMethod}`, { size: 9 });
  flow.y -= 6;
}

function drawContinuedHeader(flow: PageFlow, note: DeliveryNote): void {
  const top = flow.y;
  flow.drawLine("納品書（続き）", MARGIN, top, flow.width, { size: 12, bold: true });
  const bottom = flow.drawBlock(
    `注文番号 ${note.orderNumber}　${note.buyer.name} 様`,
    MARGIN + flow.width - SIDE_WIDTH,
    top,
    SIDE_WIDTH,
    { size: 9, align: "right" },
  );
  flow.y = Math.min(bottom, top - lineHeight(12)) - 8;
}

function drawItems(flow: PageFlow, note: DeliveryNote): void {
  const fixed: Column[] = [
    { header: "商品番号", width: 95 },
    { header: "単価", width: 70, align: "right" },
    { header: "数量", width: 40, align: "right" },
    { header: "金額", width: 80, align: "right" },
  ];
  const nameWidth = flow.width - fixed.reduce((sum, column) => sum + column.width, 0);
  flow.table(
    [{ header: "商品名", width: nameWidth }, ...fixed],
    note.items.map((item) => [
      [
        item.name,
        item.choice,
        item.optionAmount
          ? `オプション金額 ${item.optionAmount > 0 ? "+" : ""}${yen(item.optionAmount)}`
          : "",
      ]
        .filter(Boolean)
        .join("\n"),
      item.code,
      yen(item.unitPrice),
      item.quantity.toLocaleString("ja-JP"),
      yen(lineAmount(item)),
    ]),
  );
}

/** What the line bills: (単価 + オプション金額) × 数量. */
const lineAmount = (item: DeliveryNote["items"][number]) =>
  (item.unitPrice + (item.optionAmount ?? 0)) * item.quantity;

function drawSummary(flow: PageFlow, note: DeliveryNote): void {
  const subtotal = note.items.reduce((sum, item) => sum + lineAmount(item), 0);
  // Malls report discounts as positive amounts or as negative adjustments; on paper they always subtract.
  const discount = (amount: number | null) => (amount === null ? null : -Math.abs(amount));
  // A breakdown prints only the parts there are; an undetermined part prints as 未確定.
  const feeRows: [string, number | null][] = note.feeLines
    ? note.feeLines.filter((f) => f.amount !== 0).map((f) => [f.label, f.amount])
    : [["手数料", note.fees]];
  const couponRows: [string, number | null][] = note.couponLines
    ? note.couponLines.filter((c) => c.amount !== 0).map((c) => [c.label, discount(c.amount)])
    : [["クーポン値引", discount(note.couponDiscount)]];
  // One parcel of several: its lines, then the order's total; the fees and discounts stay with the order.
  const rows: [string, number | null][] = note.parcel
    ? [
        ["小計", subtotal],
        ["ご注文合計", note.total],
      ]
    : [
        ["小計", subtotal],
        ["送料", note.shippingFee],
        ...feeRows,
        ...couponRows,
        ["ポイント利用", discount(note.pointsUsed)],
        ["合計", note.total],
      ];
  const size = 9;
  const rowHeight = lineHeight(size) + 3;
  flow.y -= 8;
  flow.ensureSpace(rows.length * rowHeight + 6);
  const x = MARGIN + flow.width - SIDE_WIDTH;
  for (const [label, amount] of rows) {
    const bold = label === "合計" || label === "ご注文合計";
    if (bold) {
      flow.y -= 3;
      flow.rule(x, SIDE_WIDTH);
      flow.y -= 3;
    }
    flow.drawLine(label, x, flow.y, SIDE_WIDTH / 2, { size, bold });
    flow.drawLine(yen(amount), x + SIDE_WIDTH / 2, flow.y, SIDE_WIDTH / 2, {
      size: bold ? 11 : size,
      bold,
      align: "right",
    });
    flow.y -= rowHeight;
  }
}

function drawTaxSummary(flow: PageFlow, rows: NonNullable<DeliveryNote["taxSummary"]>): void {
  if (rows.length === 0) return;
  const size = 8;
  const x = MARGIN + flow.width - SIDE_WIDTH;
  flow.y -= 4;
  flow.ensureSpace((rows.length + 1) * (lineHeight(size) + 2));
  flow.drawLine("税率別内訳", x, flow.y, SIDE_WIDTH, { size, bold: true });
  flow.y -= lineHeight(size) + 2;
  for (const row of rows) {
    const reduced = row.ratePercent === 8 ? "（軽減税率）" : "";
    flow.drawLine(`${row.ratePercent}%対象${reduced}`, x, flow.y, SIDE_WIDTH / 2, { size });
    flow.drawLine(
      `${yen(row.amount)}（内消費税 ${yen(row.tax)}）`,
      x + SIDE_WIDTH / 2 - 40,
      flow.y,
      SIDE_WIDTH / 2 + 40,
      {
        size,
        align: "right",
      },
    );
    flow.y -= lineHeight(size) + 2;
  }
}

function drawNotes(flow: PageFlow, notes: readonly string[]): void {
  if (notes.length === 0) return;
  flow.y -= 10;
  flow.ensureSpace(2 * lineHeight(9));
  flow.paragraph("ご指定", { size: 9, bold: true });
  flow.paragraph(notes.join("　"), { size: 9 });
}

function drawRemarks(flow: PageFlow, remarks: string | null | undefined): void {
  if (!remarks?.trim()) return;
  flow.y -= 10;
  flow.ensureSpace(2 * lineHeight(9));
  flow.paragraph("備考", { size: 9, bold: true });
  flow.paragraph(remarks.trim(), { size: 9 });
}
