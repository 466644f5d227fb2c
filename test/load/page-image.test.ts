/** Page images for OCR: grey, specks removed, PGM out (synthetic pixels). */
import { describe, expect, it } from 'vitest';
import { despeckle, greyFromRgba, otsuThreshold, type GreyImage } from '../../src/load/page-image.js';

/** A white image with black rectangles `[x, y, w, h]`. */
function image(width: number, height: number, ...rects: (readonly [number, number, number, number])[]): GreyImage {
  const pixels = new Uint8Array(width * height).fill(240);
  for (const [x, y, w, h] of rects) for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) pixels[j * width + i] = 20;
  return { width, height, pixels };
}
const ink = (img: GreyImage, x: number, y: number): boolean => img.pixels[y * img.width + x]! < 128;

describe('page images', () => {
  it('turns RGBA into grey, transparent as paper', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 0, 0, 0, 10, 10, 10, 255]);
    expect([...greyFromRgba(rgba, 3, 1).pixels]).toEqual([76, 255, 10]);
  });

  it('finds the threshold between ink and paper', () => {
    const t = otsuThreshold(image(20, 20, [2, 2, 6, 6]).pixels);
    expect(t).toBeGreaterThanOrEqual(20);
    expect(t).toBeLessThan(240);
  });

  it('removes specks, keeps strokes and dots of the size of a decimal point', () => {
    // A 1-pixel speck, a 2-pixel one, a 3×3 dot (a decimal point at 200 dpi) and a stroke.
    const img = image(40, 20, [2, 2, 1, 1], [10, 2, 2, 1], [20, 10, 3, 3], [5, 15, 30, 2]);
    expect(despeckle(img, 6)).toBe(2);
    expect([ink(img, 2, 2), ink(img, 10, 2), ink(img, 11, 2)]).toEqual([false, false, false]);
    expect([ink(img, 21, 11), ink(img, 20, 15), ink(img, 34, 16)]).toEqual([true, true, true]);
  });
});
