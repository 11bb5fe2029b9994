import { PDFDocument } from "pdf-lib";
import { embedFonts } from "./fonts.ts";
import { japaneseDate, yen } from "./format.ts";
import { lineHeight, MARGIN, PageFlow } from "./page-flow.ts";

/** 請求書 of one company for one 請求期間: what it orders on 掛け払い, billed by 締め日. */
export interface Invoice {
  issuer: { name: string; registrationNumber: string | null };
  company: { name: string; code: string };
  /** YYYY-MM-DD, both included. */
  period: { from: string; to: string };
  /** The 支払期限, or null when the company has none. */
  dueOn: string | null;
  orders: { orderNumber: string; orderedAt: Date; shippedOn: string; total: number | null }[];
  billed: number;
  byRate: { ratePercent: number; amount: number; tax: number }[] | null;
  issuedOn: Date;
}

const SIDE_WIDTH = 230;
const day = (date: string) => japaneseDate(new Date(`${date}T12:00:00+09:00`));

/** One A4 請求書: the company, the period, the shipped orders in it, the amount and the registration number. */
export async function renderInvoice(invoice: Invoice): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`請求書 ${invoice.company.name} ${invoice.period.to}`);
  doc.setLanguage("ja-JP");
  const fonts = await embedFonts(doc);
  const flow = new PageFlow(doc, fonts, (run) =>
    run.pages.length === 1 ? drawHeader(run, invoice) : drawContinued(run, invoice),
  );
  flow.table(
    [
      { header: "注文番号", width: flow.width - 270 },
      { header: "注文日", width: 95 },
      { header: "出荷日", width: 95 },
      { header: "金額", width: 80, align: "right" },
    ],
    invoice.orders.map((o) => [o.orderNumber, japaneseDate(o.orderedAt), day(o.shippedOn), yen(o.total)]),
  );
  drawTotals(flow, invoice);
  flow.numberPages((page, total) => `${page}/${total}`);
  return doc.save();
}

function drawHeader(flow: PageFlow, invoice: Invoice): void {
  flow.y = flow.drawLine("請求書", MARGIN, flow.y, flow.width, { size: 20, bold: true, align: "center" }) - 8;
  const top = flow.y;
  const sideX = MARGIN + flow.width - SIDE_WIDTH;
  let left = flow.drawBlock(`${invoice.company.name} 御中`, MARGIN, top, SIDE_WIDTH, {
    size: 14,
    bold: true,
  });
  left = flow.drawBlock(`取引先コード ${invoice.company.code}`, MARGIN, left, SIDE_WIDTH, { size: 9 });
  let right = top;
  for (const line of [
    `発行日 ${japaneseDate(invoice.issuedOn)}`,
    `請求期間 ${day(invoice.period.from)}〜${day(invoice.period.to)}`,
    invoice.dueOn ? `お支払期限 ${day(invoice.dueOn)}` : null,
  ]) {
    if (line) right = flow.drawBlock(line, sideX, right, SIDE_WIDTH, { size: 9, align: "right" });
  }
  right = flow.drawBlock(invoice.issuer.name, sideX, right - 6, SIDE_WIDTH, { size: 11, bold: true });
  if (invoice.issuer.registrationNumber)
    right = flow.drawBlock(`登録番号 ${invoice.issuer.registrationNumber}`, sideX, right, SIDE_WIDTH, {
      size: 9,
    });
  flow.y = Math.min(left, right) - 14;
  flow.paragraph(`ご請求金額 ${yen(invoice.billed)}`, { size: 14, bold: true });
  flow.paragraph("下記のとおりご請求申し上げます。", { size: 10 });
  flow.y -= 6;
}

function drawContinued(flow: PageFlow, invoice: Invoice): void {
  const top = flow.y;
  flow.drawLine("請求書（続き）", MARGIN, top, flow.width, { size: 12, bold: true });
  flow.y = top - lineHeight(12) - 8;
  flow.drawLine(`${invoice.company.name} 御中`, MARGIN, flow.y, flow.width, { size: 9 });
  flow.y -= lineHeight(9) + 6;
}

function drawTotals(flow: PageFlow, invoice: Invoice): void {
  const size = 9;
  const x = MARGIN + flow.width - SIDE_WIDTH;
  const rows: [string, string][] = [
    [`注文 ${invoice.orders.length}件`, ""],
    ...(invoice.byRate ?? []).map((r): [string, string] => [
      `${r.ratePercent}%対象${r.ratePercent === 8 ? "（軽減税率）" : ""}`,
      `${yen(r.amount)}（内消費税 ${yen(r.tax)}）`,
    ]),
    ["ご請求金額", yen(invoice.billed)],
  ];
  flow.y -= 8;
  flow.ensureSpace(rows.length * (lineHeight(size) + 3) + 6);
  for (const [label, amount] of rows) {
    flow.drawLine(label, x, flow.y, SIDE_WIDTH / 2, { size, bold: label === "ご請求金額" });
    flow.drawLine(amount, x + SIDE_WIDTH / 2 - 60, flow.y, SIDE_WIDTH / 2 + 60, { size, align: "right" });
    flow.y -= lineHeight(size) + 3;
  }
  if (!invoice.byRate)
    flow.paragraph("金額は各注文の請求額です(税率別の内訳は注文に記録がありません)。", { size: 8 });
}
