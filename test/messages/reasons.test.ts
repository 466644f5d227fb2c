/**
 * Why a document failed: every reason of the catalogue in both languages. The Chinese sentence is
 * Chinese throughout (file formats, flags, program names and the guideline's own terms aside); the
 * English one is the library's `message`, and names no CLI flag.
 */
import { describe, expect, it } from 'vitest';
import { REASONS, reason, sayReason, type ReasonId } from '../../src/messages/reasons.js';
import { GuidelineError } from '../../src/types.js';
import { describeFsError } from '../../src/fs-error.js';
import { REASON_SAMPLES } from './reason-samples.js';

const CJK = /[\u4e00-\u9fff]/;
/** What a Chinese sentence may hold in Latin letters: names of formats, programs and packages, commands, paths, units. */
const ALLOWED =
  /'[^']*'|--?[a-z][a-z-]*|@napi-rs\/canvas|pdfjs-dist|tesseract\.js|onnxruntime-node|MB|@gutenye\/ocr-models|npm (ci|install)|cat notice\.html \| guideline ingest -|guideline|[\w-]+\/[\w./-]+|[\w-]+\.(xml|txt|csv|json)|\.(txt|md|pdf|html|docx|doc|wps|odt|rtf|json|ext|ofd|xlsx|xls|et|ods|odp|csv|tsv|mht|pptx|ppt|eml|epub|zip|png|jpg|tif|xps|oxps|uot|uof|sql|jsonl|fpage|msg|xmind|webarchive)\b|\b(PDF|OCR|UTF-8|UTF-16LE|UTF-16|GB18030|GBK|Big5|NUL|OLE|ZIP|XML|RTF|Word|WPS|Excel|XLSX|XLS|PowerPoint|PPTX|PPT|OpenDocument|ODT|ODS|ODP|OFD|CSV|DocRoot|Document|Pages|Office|DOC|MiB|dpi|JSON|et|dps|ENOENT|ENOSPC|hOCR|ALTO|pdftotext|bbox|EPUB|OPF|META-INF|PNG|JPEG|TIFF|XPS|UOF|FixedDocumentSequence|interlaced|Outlook|HTML|XMind|Safari)\b/g;

const BUG_REPORTS = new Set<ReasonId>(['schema-mismatch', 'worker-failed', 'internal']);

describe('reasons', () => {
  it('has every reason in Chinese and in English, the Chinese one in Chinese', () => {
    expect(Object.keys(REASON_SAMPLES).sort()).toEqual(Object.keys(REASONS).sort());
    for (const id of Object.keys(REASONS) as ReasonId[]) {
      const ref = (reason as (id: ReasonId, ...p: readonly unknown[]) => ReturnType<typeof reason>)(id, ...REASON_SAMPLES[id]);
      const zh = sayReason(ref, 'zh');
      const en = sayReason(ref, 'en');
      expect(zh, id).toMatch(CJK);
      expect(zh, id).not.toBe(en);
      // A bug report quotes the system's own words (zod's, the worker's): only the frame is checked.
      if (!BUG_REPORTS.has(id)) expect(zh.replace(ALLOWED, ''), `${id}: ${zh}`).not.toMatch(/[A-Za-z]{2,}/);
      expect(en, id).not.toMatch(/(^|[\s(])--[a-z]/);
    }
  });

  it('a GuidelineError carries its code and reason: English message, either language by say()', () => {
    const e = new GuidelineError('timeout', reason('timeout', 900));
    expect(e.code).toBe('timeout');
    expect(e.message).toBe('took longer than 900 ms: gave up');
    expect(e.say('zh')).toBe('处理超过900毫秒，已放弃');
    // Plain data: it crosses worker threads as it is.
    expect(JSON.parse(JSON.stringify(e.reason))).toEqual(e.reason);
  });

  it('says environment problems as such, in either language', () => {
    const err = Object.assign(new Error("ENOSPC: no space left on device, write '/x'"), { code: 'ENOSPC' });
    expect(describeFsError(err, 'zh')).toBe('磁盘已满');
    expect(describeFsError(err, 'en')).toBe('the disk is full');
    const acc = Object.assign(new Error("EACCES: permission denied, open '/x'"), { code: 'EACCES' });
    expect(describeFsError(acc, 'zh')).toContain('没有权限');
    const odd = Object.assign(new Error("ENOSYS: function not implemented, mkdir '/x'"), { code: 'ENOSYS' });
    expect(describeFsError(odd, 'en')).toBe('function not implemented');
    expect(describeFsError(odd, 'zh')).toBe('系统报告：function not implemented');
  });
});
