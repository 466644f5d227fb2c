/**
 * The public API (`src/index.ts`, the package's one entry): export, diff and history as a library
 * user calls them, and errors that name no CLI flag (the CLI adds its hints by error code).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { withHint } from '../src/cli/hints.js';
import { reason, REASONS } from '../src/messages/reasons.js';
import { REASON_SAMPLES } from './messages/reason-samples.js';
import { ROOT, seed } from './helpers/seed.js';

describe('public API', () => {
  it('exports, diffs and tracks history from the one entry point', async () => {
    const { doc } = await seed();
    const tables: api.ExportTables = api.exportTables([doc]);
    expect(tables.directions.rows).toHaveLength(15);
    const csv = api.toCsv(tables.directions);
    expect(csv.split('\r\n')[1]).toContain('征求意见稿');
    expect(api.toCsv(tables.directions, { headers: 'en' }).split('\r\n')[1]).toContain(',draft,');
    expect((await api.toXlsx(tables)).byteLength).toBeGreaterThan(1000);
    const d: api.GuidelineDiff = api.diff(doc, doc);
    expect(api.hasChanges(d)).toBe(false);
    expect(api.diffSummary(d)).toContain('新增 0，删除 0');
    const h = api.history([doc]);
    expect(api.historyTables(h).lines.rows).toHaveLength(15);
    expect(api.label('status', doc.document.status)).toBe('征求意见稿');
    expect(api.toHtmlPage(doc)).toContain('<h1>');
  });

  it('library errors name no CLI flag; the CLI adds the hint by code', () => {
    // Every message a library module gives a GuidelineError (src/cli/ aside).
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          walk(path);
        } else if (name.endsWith('.ts')) files.push(path);
      }
    };
    walk(`${ROOT}src`);
    const offenders = files.flatMap((f) =>
      // Every reason comes from the catalogue (src/messages/reasons.ts): none written in place.
      [...readFileSync(f, 'utf8').matchAll(/new GuidelineError\(\s*'[a-z-]+',\s*(`[^`]*`|'[^']*')/g)].map((m) => `${f}: ${m[1]}`),
    );
    expect(offenders).toEqual([]);
    expect(withHint(new api.GuidelineError('timeout', reason('timeout', 1000)), 'en')).toBe('took longer than 1000 ms: gave up (--timeout-ms raises the limit)');
    expect(withHint(new api.GuidelineError('timeout', reason('timeout', 1000)), 'zh')).toBe('处理超过1000毫秒，已放弃（--timeout-ms 可放宽时限）');
    expect(withHint(new api.GuidelineError('empty', reason('empty-file')), 'en')).toBe('empty file');
    // The library's words name no flag, in either language: every reason, with sample parameters.
    for (const [id, entry] of Object.entries(REASONS)) {
      for (const say of [entry.zh, entry.en] as ((...p: unknown[]) => string)[]) {
        const words = say(...REASON_SAMPLES[id as keyof typeof REASONS]);
        expect(words, id).not.toMatch(/(^|[\s(（])--[a-z]/);
      }
    }
  });
});
