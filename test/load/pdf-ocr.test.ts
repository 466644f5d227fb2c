/** Which pages show a scan, and at what resolution: from synthetic operator lists. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { greyFromDecoded, pageImages } from '../../src/load/pdf-ocr.js';
import { renderPdfPages, scanPdfPages } from '../../src/load/pdfjs.js';
import { ROOT } from '../helpers/seed.js';

const OPS = { dependency: 1, setGState: 9, save: 10, restore: 11, transform: 12, constructPath: 91, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, paintImageXObject: 85, paintInlineImageXObject: 86, paintImageMaskXObject: 83 };
const A4 = 595.28 * 841.89;

describe('page images from the operator list', () => {
  it('a full-page scan: its coverage and resolution (pixels over the size it is drawn at)', () => {
    const r = pageImages([OPS.save, OPS.transform, OPS.paintImageXObject, OPS.restore], [null, [595.28, 0, 0, 841.89, 0, 0], ['img_1', 1654, 2339], null], OPS, A4);
    expect(r.coverage).toBeCloseTo(1, 3);
    expect(r.dpi).toBeCloseTo(200, 0);
  });

  it('a logo: small, so no scan; transforms nest through q/Q and forms', () => {
    const r = pageImages(
      [OPS.save, OPS.transform, OPS.paintFormXObjectBegin, OPS.transform, OPS.paintImageXObject, OPS.paintFormXObjectEnd, OPS.restore, OPS.paintInlineImageXObject],
      [null, [0.5, 0, 0, 0.5, 0, 0], [[2, 0, 0, 2, 0, 0], null], [100, 0, 0, 50, 72, 700], ['img_2', 300, 150], null, null, [{ width: 10, height: 10 }]],
      OPS,
      A4,
    );
    expect(r.coverage).toBeCloseTo((100 * 50 + 1) / A4, 6);
    expect(r.dpi).toBeCloseTo(216, 0);
  });

  it('counts the paths drawn (text converted to outlines)', () => {
    expect(pageImages([OPS.constructPath, OPS.constructPath, OPS.save], [null, null, null], OPS, A4)).toEqual({ coverage: 0, dpi: null, paths: 2, sole: null });
  });
});

describe('a plain scan, read without drawing it', () => {
  const scan = [OPS.transform, OPS.save, OPS.transform, OPS.dependency, OPS.paintImageXObject, OPS.restore];
  const args = [[1, 0, 0, -1, 0, 841.89], null, [595.28, 0, 0, -841.89, 0, 841.89], ['img_p0_1'], ['img_p0_1', 1654, 2339], null];

  it('is a page that draws its one image and nothing else', () => {
    expect(pageImages(scan, args, OPS, A4).sole).toEqual({ objId: 'img_p0_1', width: 1654, height: 2339, ctm: [595.28, 0, 0, 841.89, 0, 0] });
    // A graphics state (a soft mask, a transfer function), a path, a second image: drawn by pdf.js.
    expect(pageImages([OPS.setGState, ...scan], [null, ...args], OPS, A4).sole).toBeNull();
    expect(pageImages([...scan, OPS.constructPath], [...args, null], OPS, A4).sole).toBeNull();
    expect(pageImages([...scan, OPS.paintImageXObject], [...args, ['img_p0_2', 10, 10]], OPS, A4).sole).toBeNull();
    // A form clips what it draws to its bounding box.
    expect(pageImages([OPS.paintFormXObjectBegin, ...scan, OPS.paintFormXObjectEnd], [[[1, 0, 0, 1, 0, 0], [0, 0, 100, 100]], ...args, null], OPS, A4).sole).toBeNull();
  });

  it('takes grey from each kind of image pdf.js decodes: one bit (1 white), RGB, RGBA on white', () => {
    expect(greyFromDecoded({ width: 10, height: 1, kind: 1, data: Uint8Array.from([0b10100000, 0b01000000]) })?.pixels).toEqual(Uint8Array.from([255, 0, 255, 0, 0, 0, 0, 0, 0, 255]));
    expect(greyFromDecoded({ width: 2, height: 1, kind: 2, data: Uint8Array.from([255, 255, 255, 255, 0, 0]) })?.pixels).toEqual(Uint8Array.from([255, 76]));
    expect(greyFromDecoded({ width: 1, height: 1, kind: 3, data: Uint8Array.from([0, 0, 0, 0]) })?.pixels).toEqual(Uint8Array.from([255]));
    expect(greyFromDecoded({ width: 1, height: 1, kind: 2 })).toBeNull();
  });

  it('gives the pixels pdf.js draws at the scan\'s resolution, and nothing for a page that is more, or at another resolution', async () => {
    const bytes = readFileSync(`${ROOT}test/fixtures/pdf/2025-batch1-draft.scan.pdf`);
    const [read] = await scanPdfPages(bytes, [1], 200);
    const [drawn] = await renderPdfPages(bytes, [1], 200);
    expect([read!.width, read!.height]).toEqual([drawn!.width, drawn!.height]);
    expect(Buffer.compare(read!.pixels, drawn!.pixels)).toBe(0);
    expect(await scanPdfPages(bytes, [1], 300)).toEqual([null]);
    expect(await scanPdfPages(readFileSync(`${ROOT}test/fixtures/pdf/2025-batch1-draft.mixed.pdf`), [1, 2], 200)).toEqual([null, expect.anything()]);
  });
});
