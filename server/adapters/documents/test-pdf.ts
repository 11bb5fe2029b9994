import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";

export interface InspectedPdf {
  pageCount: number;
  /** BaseFont of every embedded font, e.g. ABCDEF+NotoSansJP-Regular. */
  fonts: string[];
  /** Each embedded TrueType program, decompressed. */
  fontPrograms: Uint8Array[];
  /** Text of each page as a real extractor reads it, so a missing ToUnicode map fails the test. */
  pages: string[];
}

export async function inspectPdf(bytes: Uint8Array): Promise<InspectedPdf> {
  const doc = await PDFDocument.load(bytes);
  const fonts = new Set<string>();
  const fontPrograms: Uint8Array[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of("Type")) === PDFName.of("Font")) {
      const baseFont = object.get(PDFName.of("BaseFont"));
      if (baseFont instanceof PDFName) fonts.add(baseFont.decodeText());
    }
    if (object instanceof PDFDict && object.get(PDFName.of("Type")) === PDFName.of("FontDescriptor")) {
      const file = object.lookup(PDFName.of("FontFile2"));
      if (file instanceof PDFRawStream) fontPrograms.push(decodePDFRawStream(file).decode());
    }
  }
  // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy.
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: false });
  return { pageCount: doc.getPageCount(), fonts: [...fonts], fontPrograms, pages: text };
}
