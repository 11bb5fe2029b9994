import assert from "node:assert/strict";
import { test } from "node:test";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { embedFonts } from "./fonts.ts";
import { inspectPdf } from "./test-pdf.ts";

test("every glyph of the embedded subsets has an intact outline", async () => {
  const doc = await PDFDocument.create();
  const { regular, bold } = await embedFonts(doc);
  const page = doc.addPage();
  // Enough distinct glyphs that an odd-length glyph record is all but certain, which used to shift the rest.
  const text = "納品書注文番号佐藤花子様この度はお買い上げいただき誠にありがとうございます¥1,234ABCxyz";
  page.drawText(text, { x: 10, y: 700, size: 10, font: regular });
  page.drawText(text, { x: 10, y: 600, size: 10, font: bold });

  const { fontPrograms, pages } = await inspectPdf(await doc.save());
  assert.equal(pages[0]?.includes(text), true);
  assert.equal(fontPrograms.length, 2);
  for (const program of fontPrograms) {
    const subset = fontkit.create(program);
    assert.ok(subset.numGlyphs > [...text].length / 2);
    for (let id = 1; id < subset.numGlyphs; id++) {
      const glyph = subset.getGlyph(id);
      assert.notEqual(glyph.path.toSVG(), "", `glyph ${id} is blank`);
      const { minX, minY, maxX, maxY } = glyph.bbox;
      assert.ok(
        minX >= subset.bbox.minX &&
          minY >= subset.bbox.minY &&
          maxX <= subset.bbox.maxX &&
          maxY <= subset.bbox.maxY,
        `glyph ${id} lies outside the font's bounding box`,
      );
    }
  }
});
