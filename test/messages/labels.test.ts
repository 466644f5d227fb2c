import { describe, expect, it } from 'vitest';
import { label, LABELS } from '../../src/messages/labels.js';
import { Check, Guideline, Qualifier, RemovalKind } from '../../src/schema/guideline.js';
import { HistoryDocument } from '../../src/schema/history.js';

describe('labels of enumeration values', () => {
  it('every value has a Chinese word and an English one', () => {
    for (const [kind, values] of Object.entries(LABELS)) {
      for (const [value, l] of Object.entries(values)) {
        expect(l.zh, `${kind}.${value}`).toMatch(/[\u4e00-\u9fff]/);
        expect(l.en, `${kind}.${value}`).toMatch(/^[a-zA-Z][a-zA-Z ,-]*$/);
      }
    }
  });

  it('covers every value of the schema’s enumerations', () => {
    expect(Object.keys(LABELS.qualifier).sort()).toEqual([...Qualifier.options].sort());
    expect(Object.keys(LABELS.removalKind).sort()).toEqual([...RemovalKind.options].sort());
    expect(Object.keys(LABELS.severity).sort()).toEqual([...Check.shape.severity.options].sort());
    expect(Object.keys(LABELS.status).sort()).toEqual([...HistoryDocument.shape.status.options].sort());
    expect(Object.keys(LABELS.family).sort()).toEqual([...Guideline.shape.document.shape.family.unwrap().options].sort());
  });

  it('reads a value in either language; an unknown value stays as it is', () => {
    expect([label('status', 'draft'), label('status', 'final'), label('qualifier', 'atMost'), label('hedge', 'inPrinciple'), label('severity', 'warning')]).toEqual(['征求意见稿', '正式稿', '不超过', '原则上', '警告']);
    expect(label('qualifier', 'atLeast', 'en')).toBe('at least');
    expect(label('status', 'someday')).toBe('someday');
  });
});
