/** Width of a string in points at the size it will be drawn. */
export type Measure = (text: string) => number;

export interface Column {
  header: string;
  width: number;
  align?: "left" | "right" | "center";
}

export interface TableStyle {
  fontSize: number;
  lineHeight: number;
  padding: number;
}

export interface LaidOutRow {
  /** The wrapped lines of each cell, in column order. */
  cells: string[][];
  height: number;
}

const LATIN_WORD = /^[\x21-\x7e]+$/;

/**
 * Breaks text into lines no wider than maxWidth. Japanese has no spaces, so any character may end a
 * line; a Latin word (a model number, an English product name) moves to the next line whole when it fits.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/).map((part) => part.trim())) {
    // Shaping a string is the expensive part of rendering, so text that fits is measured only once.
    if (measure(paragraph) <= maxWidth) {
      lines.push(paragraph);
      continue;
    }
    let line = "";
    for (const char of paragraph) {
      if (line === "" && char === " ") continue;
      if (line === "" || measure(line + char) <= maxWidth) {
        line += char;
        continue;
      }
      const space = line.lastIndexOf(" ");
      const tail = line.slice(space + 1) + char;
      if (char !== " " && space > 0 && LATIN_WORD.test(tail) && measure(tail) <= maxWidth) {
        lines.push(line.slice(0, space).trimEnd());
        line = tail;
      } else {
        lines.push(line.trimEnd());
        line = char === " " ? "" : char;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Wraps every cell inside its column's padding and sizes each row to its tallest cell. */
export function layoutRows(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  measure: Measure,
  style: TableStyle,
): LaidOutRow[] {
  return rows.map((row) => {
    const cells = columns.map((column, i) =>
      wrapText(row[i] ?? "", column.width - 2 * style.padding, measure),
    );
    const lineCount = Math.max(1, ...cells.map((lines) => lines.length));
    return { cells, height: lineCount * style.lineHeight + 2 * style.padding };
  });
}
