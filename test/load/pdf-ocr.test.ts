/** Which pages show a scan, and at what resolution: from synthetic operator lists. */
import { describe, expect, it } from 'vitest';
import { pageImages } from '../../src/load/pdf-ocr.js';

const OPS = { save: 10, restore: 11, transform: 12, constructPath: 91, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, paintImageXObject: 85, paintInlineImageXObject: 86, paintImageMaskXObject: 83 };
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
    expect(pageImages([OPS.constructPath, OPS.constructPath, OPS.save], [null, null, null], OPS, A4)).toEqual({ coverage: 0, dpi: null, paths: 2 });
  });
});
