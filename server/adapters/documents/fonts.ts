import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

// Resolved through the package so rendering works whatever the process's cwd is.
const fontFiles = {
  regular: {
    url: new URL(import.meta.resolve("@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf")),
    postscriptName: "NotoSansJP-Regular",
  },
  bold: {
    url: new URL(import.meta.resolve("@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf")),
    postscriptName: "NotoSansJP-Bold",
  },
};

let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

// The TTFs are ~5 MB each, so they are read once per process rather than once per document.
function loadFontBytes(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  fontBytes ??= Promise.all([readFile(fontFiles.regular.url), readFile(fontFiles.bold.url)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      // A failed read (e.g. fonts missing mid-deploy) must not poison every later render.
      fontBytes = undefined;
      throw error;
    },
  );
  return fontBytes;
}

interface LocaTable {
  offsets: number[];
  version?: 0 | 1;
}

/**
 * @pdf-lib/fontkit 1.1.1, the unmaintained fork pdf-lib is built for, writes a small subset's `loca`
 * table in the short format (offsets halved) without padding glyph records to an even length. After the
 * first odd-length record every later glyph is read a byte off and prints blank or as garbage, while text
 * extraction still works, so nothing fails loudly. Presetting the long format, which the subsetter then
 * keeps, stores offsets exactly, as upstream fontkit 1.8 does by keeping the source font's format (foliojs/fontkit#191).
 */
const longLocaFontkit: Parameters<PDFDocument["registerFontkit"]>[0] = {
  create(buffer, postscriptName) {
    const font = fontkit.create(buffer, postscriptName);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      let loca: LocaTable | undefined;
      Object.defineProperty(subset, "loca", {
        get: () => loca,
        set: (table: LocaTable) => {
          table.version = 1;
          loca = table;
        },
      });
      return subset;
    };
    return font;
  },
};

// ISO 32000-1 9.6.4 marks a subset font by a six-letter tag before its name; pdf-lib's default name
// appends a number instead, which readers do not recognise as a subset.
function subsetName(postscriptName: string): string {
  const tag = Array.from(randomBytes(6), (byte) => String.fromCharCode(65 + (byte % 26))).join("");
  return `${tag}+${postscriptName}`;
}

/** Embeds Noto Sans JP into the document, subset so a PDF carries only the glyphs it prints. */
export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(longLocaFontkit);
  const { regular, bold } = await loadFontBytes();
  const [regularFont, boldFont] = await Promise.all([
    doc.embedFont(regular, { subset: true, customName: subsetName(fontFiles.regular.postscriptName) }),
    doc.embedFont(bold, { subset: true, customName: subsetName(fontFiles.bold.postscriptName) }),
  ]);
  return { regular: regularFont, bold: boldFont };
}
