import { PageSizes, type PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import type { Fonts } from "./fonts.ts";
import { type Column, type LaidOutRow, layoutRows, type TableStyle, wrapText } from "./layout.ts";

export const MARGIN = 40;
const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const FOOTER_HEIGHT = 24;
const GRID = rgb(0.7, 0.7, 0.7);
const HEADER_FILL = rgb(0.92, 0.92, 0.92);
const LEADING = 1.45;

export function lineHeight(size: number): number {
  return size * LEADING;
}

// Shaping dominates rendering time and a batch repeats the same labels, prices and names on every note;
// keyed by the font so the widths go when the document does.
const unitWidths = new WeakMap<PDFFont, Map<string, number>>();

function textWidth(font: PDFFont, text: string, size: number): number {
  let widths = unitWidths.get(font);
  if (!widths) {
    widths = new Map();
    unitWidths.set(font, widths);
  }
  let width = widths.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1);
    widths.set(text, width);
  }
  return width * size;
}

const TABLE_STYLE: TableStyle = { fontSize: 9, lineHeight: lineHeight(9), padding: 4 };

interface TextOptions {
  size: number;
  bold?: boolean;
  align?: "left" | "right" | "center";
}

interface TableOptions {
  /** Printed above the table, and again with （続き） wherever the table resumes on a new page. */
  caption?: string;
}

/**
 * A run of A4 pages that are numbered together, with a cursor (`y`, the top of the free space) that
 * moves down as content is added and onto a fresh page when the space runs out.
 */
export class PageFlow {
  readonly pages: PDFPage[] = [];
  readonly width = PAGE_WIDTH - 2 * MARGIN;
  y = 0;
  #page!: PDFPage;
  readonly #doc: PDFDocument;
  readonly #fonts: Fonts;
  readonly #pageHeader: (flow: PageFlow) => void;

  /** pageHeader draws what every page of the run repeats; it sees `pages.length` to tell the first page apart. */
  constructor(doc: PDFDocument, fonts: Fonts, pageHeader: (flow: PageFlow) => void) {
    this.#doc = doc;
    this.#fonts = fonts;
    this.#pageHeader = pageHeader;
    this.addPage();
  }

  #font(bold = false): PDFFont {
    return bold ? this.#fonts.bold : this.#fonts.regular;
  }

  #measure(size: number, bold = false): (text: string) => number {
    const font = this.#font(bold);
    return (text) => textWidth(font, text, size);
  }

  addPage(): void {
    this.#page = this.#doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.#page);
    this.y = PAGE_HEIGHT - MARGIN;
    this.#pageHeader(this);
  }

  /** Starts a new page unless `height` more points fit above the footer. */
  ensureSpace(height: number): void {
    if (this.y - height < MARGIN + FOOTER_HEIGHT) this.addPage();
  }

  /** Draws one line whose box starts at `top` within [x, x + width]; returns the box's bottom. */
  drawLine(text: string, x: number, top: number, width: number, options: TextOptions): number {
    const font = this.#font(options.bold);
    const boxHeight = lineHeight(options.size);
    const slack = options.align && options.align !== "left" ? width - textWidth(font, text, options.size) : 0;
    const offset = options.align === "center" ? slack / 2 : slack;
    // Places the glyphs' visual middle on the middle of the line box rather than sitting on its floor.
    const baseline = top - boxHeight / 2 - options.size * 0.35;
    this.#page.drawText(text, { x: x + offset, y: baseline, size: options.size, font });
    return top - boxHeight;
  }

  /** Draws wrapped text as a block starting at `top` without moving the cursor; returns the block's bottom. */
  drawBlock(text: string, x: number, top: number, width: number, options: TextOptions): number {
    let bottom = top;
    for (const line of wrapText(text, width, this.#measure(options.size, options.bold))) {
      bottom = this.drawLine(line, x, bottom, width, options);
    }
    return bottom;
  }

  /** Wrapped text across the full width at the cursor, breaking onto new pages line by line. */
  paragraph(text: string, options: TextOptions): void {
    for (const line of wrapText(text, this.width, this.#measure(options.size, options.bold))) {
      this.ensureSpace(lineHeight(options.size));
      this.y = this.drawLine(line, MARGIN, this.y, this.width, options);
    }
  }

  /** A horizontal line at the cursor from x to x + width. */
  rule(x: number, width: number): void {
    this.#page.drawLine({
      start: { x, y: this.y },
      end: { x: x + width, y: this.y },
      thickness: 0.8,
      color: GRID,
    });
  }

  table(columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions = {}): void {
    const style = TABLE_STYLE;
    const [header] = layoutRows(
      columns,
      [columns.map((column) => column.header)],
      this.#measure(style.fontSize, true),
      style,
    ) as [LaidOutRow];
    const body = layoutRows(columns, rows, this.#measure(style.fontSize), style);
    const captionStyle = { size: style.fontSize + 1, bold: true };
    const captionLines = options.caption
      ? wrapText(`${options.caption}（続き）`, this.width, this.#measure(captionStyle.size, true)).length
      : 0;

    const drawHead = (continued: boolean) => {
      if (options.caption) {
        const caption = continued ? `${options.caption}（続き）` : options.caption;
        this.y = this.drawBlock(caption, MARGIN, this.y, this.width, captionStyle) - 2;
      }
      this.#drawRow(columns, header, true);
    };

    // Keeps the caption and header from being stranded at the foot of a page without a single row.
    this.ensureSpace(
      captionLines * lineHeight(captionStyle.size) + 2 + header.height + (body[0]?.height ?? 0),
    );
    drawHead(false);
    for (const row of body) {
      if (this.y - row.height < MARGIN + FOOTER_HEIGHT) {
        this.addPage();
        drawHead(true);
      }
      this.#drawRow(columns, row, false);
    }
  }

  #drawRow(columns: readonly Column[], row: LaidOutRow, isHeader: boolean): void {
    const page = this.#page;
    const { padding, fontSize, lineHeight: rowLine } = TABLE_STYLE;
    let x = MARGIN;
    columns.forEach((column, i) => {
      page.drawRectangle({
        x,
        y: this.y - row.height,
        width: column.width,
        height: row.height,
        borderColor: GRID,
        borderWidth: 0.5,
        ...(isHeader ? { color: HEADER_FILL } : {}),
      });
      let top = this.y - padding;
      for (const line of row.cells[i] ?? []) {
        this.drawLine(line, x + padding, top, column.width - 2 * padding, {
          size: fontSize,
          bold: isHeader,
          align: isHeader ? "center" : column.align,
        });
        top -= rowLine;
      }
      x += column.width;
    });
    this.y -= row.height;
  }

  /** Numbers the run's pages once their total is known, e.g. (n, total) => `${n}/${total}`. */
  numberPages(label: (page: number, total: number) => string): void {
    this.pages.forEach((page, i) => {
      const text = label(i + 1, this.pages.length);
      const size = 8;
      const width = textWidth(this.#fonts.regular, text, size);
      page.drawText(text, { x: (PAGE_WIDTH - width) / 2, y: MARGIN - 4, size, font: this.#fonts.regular });
    });
  }
}
