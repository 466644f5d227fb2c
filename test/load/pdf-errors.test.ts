/**
 * Every way a PDF can fail, in the words the user reads: what is wrong with the file, not with
 * pdf.js's parser (its words stay in `detail`, shown with --verbose and in --json).
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadBytes } from '../../src/load/index.js';
import { classify } from '../../src/load/pdfjs.js';
import { GuidelineError } from '../../src/types.js';

const failure = async (bytes: Uint8Array, path: string): Promise<GuidelineError> => {
  try {
    await loadBytes(bytes, path);
  } catch (error) {
    expect(error).toBeInstanceOf(GuidelineError);
    return error as GuidelineError;
  }
  throw new Error(`${path} loaded`);
};

/** A one-page PDF whose only text is a note and a filled-in form field. */
function annotationsOnly(withField = false): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.rect(50, 50, 100, 100).stroke();
    doc.note(100, 200, 50, 50, 'Guideline text kept in a note');
    doc.note(100, 400, 50, 50, 'Another note');
    if (withField) {
      doc.initForm();
      doc.formText('title', 100, 300, 200, 20, { value: 'Filled-in field' });
    }
    doc.end();
  });
}

describe('PDF failures', () => {
  it('an empty file is empty, whatever its extension', async () => {
    for (const name of ['x.pdf', 'x.txt', 'x']) expect((await failure(new Uint8Array(0), name)).message).toBe('empty file');
  });

  it('text only in annotations is told so, not sent to OCR', async () => {
    const e = await failure(await annotationsOnly(), 'notes.pdf');
    expect(e.code).toBe('pdf-annotations-only');
    expect(e.message).toBe('its only text is in 2 annotations or form fields, not on its 1 page: print or flatten it to a PDF with the text on the page');
  });

  it('a filled-in form field is read where a viewer shows it (since 1.103), the notes are not', async () => {
    const s = await loadBytes(await annotationsOnly(true), 'form.pdf');
    expect(s.text).toContain('Filled-in field');
    expect(s.text).not.toContain('Another note');
  });

  it.each([
    ['Illegal character: 41', 'damaged PDF: its internal structure cannot be read'],
    ['Invalid PDF structure.', 'damaged PDF: its internal structure cannot be read'],
    ['Bad encoding in flate stream', 'damaged PDF: some of its compressed data cannot be unpacked'],
    ['Invalid block type in flate stream', 'damaged PDF: some of its compressed data cannot be unpacked'],
    ['End of file inside array', 'damaged PDF: the file is cut short (an incomplete download or copy?)'],
    ['Something pdf.js never said before', 'damaged PDF: it cannot be read'],
  ])('pdf.js says “%s”: the user reads “%s”', (said, message) => {
    const e = classify(Object.assign(new Error(said), { name: 'UnknownErrorException' }));
    expect([e.code, e.message, e.detail]).toEqual(['pdf-corrupt', message, `pdf.js: ${said.replace(/\.$/, '')}`]);
  });

  it('a password keeps its own message', () => {
    expect(classify(Object.assign(new Error('No password given'), { name: 'PasswordException' })).message).toBe('encrypted PDF: it needs a password to open');
  });
});
