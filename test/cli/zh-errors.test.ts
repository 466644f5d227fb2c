/**
 * Every line a person reads about a failure is Chinese by default — the file's name, then why in
 * plain Chinese, then what to do — and English with `--lang en` or an English locale. The CLI is
 * run on bad inputs of every kind, each command that reads sources.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/io.js';
import { ROOT, seedBytes } from '../helpers/seed.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'guideline-zh-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), '   \n\n  ');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
  copyFileSync(join(ROOT, 'test/fixtures/negative/english-paper.txt'), join(dir, 'paper.txt'));
  copyFileSync(join(ROOT, 'test/fixtures/negative/chinese-report.txt'), join(dir, 'report.txt'));
  writeFileSync(join(dir, 'fake.pdf'), 'not a pdf at all');
  writeFileSync(join(dir, 'bad.json'), '{"not": "a guideline"}');
  writeFileSync(join(dir, 'seed.txt'), seedBytes());
  mkdirSync(join(dir, 'nothing'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CJK = /[\u4e00-\u9fff]/;
/** Latin words a Chinese line may hold: flags, formats and names of programs. */
const ALLOWED = /guideline|--?[a-z][a-z-]*|\.(txt|pdf|html|docx|doc|wps|odt|rtf|json|md|ofd|xlsx|xls|et|ods|odp|csv|mht|pptx|ppt|eml|epub|zip|png|jpg|tif|xps|uot|sql|jsonl|msg|xmind)\b|\b(PDF|OCR|UTF-8|UTF-16|GB18030|GBK|Big5|NUL|JSON|Word|WPS)\b|schemas\/guideline\.schema\.json/g;

/** The stderr lines of `argv` run in Chinese (no locale), each checked: Chinese, and naming `file`. */
async function zhLines(argv: readonly string[], file: string): Promise<string[]> {
  const io = fakeIo(dir, { env: {} });
  const code = await run(argv, io);
  expect(code, argv.join(' ')).toBeGreaterThan(0);
  const lines = io.err().split('\n').filter((l) => l.includes(file));
  expect(lines.length, `${argv.join(' ')}: ${io.err()}`).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).toMatch(CJK);
    expect(line).toMatch(new RegExp(`^guideline: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：`));
    // No English sentence: what is left after the file name and the allowed names has no word.
    expect(line.replace(file, '').replace(ALLOWED, ''), line).not.toMatch(/[A-Za-z]{2,}/);
  }
  return lines;
}

describe('failures in Chinese by default', () => {
  it('ingest: a missing, empty, blank, binary, foreign, not-a-guideline or fake PDF file', async () => {
    expect(await zhLines(['ingest', 'missing.txt', '--out', 'o'], 'missing.txt')).toEqual(['guideline: missing.txt：没有这个文件']);
    expect(await zhLines(['ingest', 'empty.txt', '--out', 'o'], 'empty.txt')).toEqual(['guideline: empty.txt：空文件']);
    expect(await zhLines(['ingest', 'blank.txt', '--out', 'o'], 'blank.txt')).toEqual(['guideline: blank.txt：文件里只有空白']);
    expect((await zhLines(['ingest', 'binary.txt', '--out', 'o'], 'binary.txt'))[0]).toContain('二进制文件');
    expect((await zhLines(['ingest', 'paper.txt', '--out', 'o'], 'paper.txt'))[0]).toContain('不是申报指南：文字不是中文');
    expect((await zhLines(['ingest', 'report.txt', '--out', 'o'], 'report.txt'))[0]).toContain('不是申报指南');
    expect((await zhLines(['ingest', 'fake.pdf', '--out', 'o'], 'fake.pdf'))[0]).toContain('不是 PDF 文件');
    expect((await zhLines(['ingest', 'nothing', '--out', 'o'], 'nothing'))[0]).toContain('这个文件夹里没有');
  });

  it('diff, export and history: a missing file, a JSON that is no guideline, an empty folder', async () => {
    expect(await zhLines(['diff', 'seed.txt', 'missing.txt'], 'missing.txt')).toEqual(['guideline: missing.txt：没有这个文件']);
    expect((await zhLines(['diff', 'bad.json', 'seed.txt'], 'bad.json'))[0]).toContain('不是抽取出的指南');
    expect((await zhLines(['export', 'seed.txt', 'empty.txt', '--out', 'x.csv'], 'empty.txt'))[0]).toBe('guideline: empty.txt：空文件');
    expect((await zhLines(['history', 'nothing', 'seed.txt', '--out', 'h.json'], 'nothing'))[0]).toContain('这个文件夹里没有');
  });

  it('a write that fails is the machine’s problem, said in Chinese', async () => {
    writeFileSync(join(dir, 'file'), 'x');
    const lines = await zhLines(['export', 'seed.txt', '--out', 'file/x.csv'], 'file/x.csv');
    expect(lines[0]).toBe('guideline: file/x.csv：写不了：路径中有一段是文件而不是文件夹');
  });

  it('a bad flag or value: Chinese, then where to read the usage', async () => {
    const io = fakeIo(dir, { env: {} });
    expect(await run(['ingest', '--fast'], io)).toBe(2);
    expect(io.err()).toBe("guideline: 'ingest' 没有 '--fast' 这个选项\n用法见 'guideline ingest --help'。\n");
    const ocr = fakeIo(dir, { env: {} });
    expect(await run(['export', 'seed.txt', '--out', 'x.csv', '--ocr', 'maybe'], ocr)).toBe(2);
    expect(ocr.err()).toContain("--ocr 应为 auto、force、off 之一，收到'maybe'");
  });

  it('the same in English with --lang en', async () => {
    const io = fakeIo(dir, { env: {} });
    expect(await run(['ingest', 'empty.txt', 'missing.txt', '--out', 'o', '--lang', 'en'], io)).toBe(1);
    expect(io.err()).toContain('guideline: empty.txt: empty file\n');
    expect(io.err()).toContain('guideline: missing.txt: no such file\n');
    expect(io.err()).not.toMatch(CJK);
  });
});
