// A scanned rendition of a text PDF, made from its pages as the tool renders them (the test that
// compares a scan with its text layer, and the benchmark): each page turned by up to a degree,
// specked with dust, saved as a grey JPEG and wrapped in a PDF of A4 image pages (no text layer).
// Deterministic: a seeded generator; the same bytes for the same pages and options.
//
// Needs @napi-rs/canvas (pdfjs-dist's optional dependency) and pdfkit (a devDependency).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { random } from './random.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { createCanvas, ImageData } = createRequire(`${ROOT}node_modules/pdfjs-dist/package.json`)('@napi-rs/canvas');


/**
 * `images`: grey pages ({width, height, pixels}); `angles`: each page's turn in degrees (cycled);
 * `specks`: dark specks of 1–2 pixels per page; `quality`: JPEG quality (0–100).
 */
export async function scanRendition(images, { angles = [0.6, -0.8, 1], specks = 1500, quality = 60, seed = 7 } = {}) {
  const next = random(seed);
  const jpegs = [];
  images.forEach((img, i) => {
    const { width, height, pixels } = img;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let j = 0; j < pixels.length; j++) {
      rgba[4 * j] = rgba[4 * j + 1] = rgba[4 * j + 2] = pixels[j];
      rgba[4 * j + 3] = 255;
    }
    const page = createCanvas(width, height);
    page.getContext('2d').putImageData(new ImageData(rgba, width, height), 0, 0);
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.translate(width / 2, height / 2);
    ctx.rotate(((angles[i % angles.length] ?? 0) * Math.PI) / 180);
    ctx.drawImage(page, -width / 2, -height / 2);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#303030';
    for (let k = 0; k < specks; k++) {
      const s = 1 + Math.floor(next() * 2);
      ctx.fillRect(Math.floor(next() * width), Math.floor(next() * height), s, s);
    }
    jpegs.push(canvas.encodeSync('jpeg', quality));
  });
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Producer: 'scan-rendition', CreationDate: new Date(Date.UTC(2025, 0, 1)) } });
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  for (const jpeg of jpegs) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(jpeg, 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
