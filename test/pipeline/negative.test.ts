/**
 * Files that are not guidelines are refused in one line that says what is missing, in words that
 * name no numbering form. A numbered heading alone (`2.1 Traces of …`, `1.1 科研任务完成情况`) is
 * no evidence.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GuidelineError } from '../../src/types.js';
import { ingestText, ROOT } from '../helpers/seed.js';

const refusal = async (name: string): Promise<string> => {
  try {
    await ingestText(readFileSync(`${ROOT}test/fixtures/negative/${name}`), name);
  } catch (error) {
    expect(error).toBeInstanceOf(GuidelineError);
    expect((error as GuidelineError).code).toBe('not-a-guideline');
    return (error as GuidelineError).message;
  }
  throw new Error(`${name} was accepted as a guideline`);
};

describe('not a guideline', () => {
  it('an English paper with numbered sections', async () => {
    expect(await refusal('english-paper.txt')).toBe('not a guideline: the text is not Chinese (a 申报指南 is)');
  });

  it('a Chinese report with 1.1 sections and 项目, but no guideline fields', async () => {
    expect(await refusal('chinese-report.txt')).toBe(
      'not a guideline: its numbered headings have none of the fields of a guideline direction (拟支持项目数, 经费, 实施周期, 合作协议, 研究内容, …) and state no project counts or funding',
    );
  });

  it('a Chinese notice with parts and items that mentions 申报 once', async () => {
    expect(await refusal('chinese-notice.txt')).toBe(
      'not a guideline: no numbered guideline directions found (headings, each followed by fields such as 拟支持项目数, 经费, 实施周期 or 研究内容)',
    );
  });

  it('every refusal is one line', async () => {
    for (const name of ['english-paper.txt', 'chinese-report.txt', 'chinese-notice.txt']) expect(await refusal(name)).not.toMatch(/\n/);
  });

  it('a guideline numbered 1. to 5. under （一） parts is accepted', async () => {
    const doc = await ingestText(readFileSync(`${ROOT}test/fixtures/variants/2020-multilateral.txt`), 'x.txt');
    expect(doc.directions.map((d) => d.id)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '2.1', '2.2']);
  });
});
