/**
 * The same directions written as headings with labels, as a spaced table, as a pipe table, as one
 * line of fields per direction, on two-column pages, as a tab-separated table saved by Word, with a
 * labels-over-values table per heading, with their figures only in a summary table after them, under
 * `【指南方向1.1】` headings, or below a policy database's record fields, extract to the same values
 * (issue 20).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Guideline } from '../../src/schema/guideline.js';
import { asFieldSections, asTikaText, asLeaderLines, asCssTable, asEditorCards, asHtmlTable, asFakeBold, asJoinedWithHeads, asVerticalLabels, asImposedBooklet, withBalloons, asBlockIndented, asFullWidthTable, asLabelColumn, asBracketHeadings, asTransposedSpacedTable, asWeChatArticle, asBracketTitlesBilingual, asCards, asCellBlocks, asColumnMajor, asNumberingLost, asTabForm, asEml, asFieldTables, asHeadings, asJsonRecord, asLatex, asNoteMarkdown, asWikitext, asOneLine, asPairedFields, asPipeTable, asRst, asSpacedTable, asSummaryTable, asTabTable, asTwoColumns, asUnlabelled, RECORD_HEADERS, titleOf, withRecordHeader, type DirectionSpec } from '../helpers/layouts.js';
import { ingestText } from '../helpers/seed.js';
import { directionSpecs } from '../helpers/directions.js';
import { runs } from '../helpers/runs.js';

const directions = directionSpecs(6);

const values = (doc: Guideline) =>
  doc.directions.map((d) => ({
    title: d.title,
    partners: d.partners.map((p) => p.name),
    agreements: d.agreements.map((a) => a.title),
    domains: d.domains.map((x) => x.label),
    count: d.projectCount?.value ?? null,
    fundingCNY: d.funding?.amountCNY ?? null,
    years: d.duration?.maxYears ?? null,
  }));

const expected = (ds: readonly DirectionSpec[]) =>
  ds.map((d) => ({
    title: titleOf(d),
    partners: [d.partner],
    agreements: [d.agreement],
    domains: [...d.domains],
    count: d.count,
    fundingCNY: d.fundingWan * 10_000,
    years: d.years,
  }));

describe('layouts', () => {
  it.each([
    ['headings and labels', asHeadings],
    ['one line of fields per direction', asOneLine],
    ['a pipe table', asPipeTable],
    ['a pdftotext -layout table', (ds: readonly DirectionSpec[]) => asSpacedTable(ds)],
    ['two-column pages', (ds: readonly DirectionSpec[]) => asTwoColumns(ds)],
    ['a table saved by Word as text (tabs, a cell’s paragraphs on lines of their own)', asTabTable],
    ['a table of labels over values under each heading', asFieldTables],
    ['figures only in a summary table after the directions', (ds: readonly DirectionSpec[]) => asSummaryTable(ds)],
    ['figures only in a summary table with a header of two rows', (ds: readonly DirectionSpec[]) => asSummaryTable(ds, true)],
    ['headings written 【指南方向1.1】', asBracketHeadings],
    ['a note app’s Markdown (front matter, callouts, highlights, footnotes)', asNoteMarkdown],
    ['a reStructuredText page (field lists, directives)', asRst],
    ['a form’s values wrapped in a column, every line indented alike', (ds: readonly DirectionSpec[]) => asBlockIndented(ds)],
    ['a content system’s JSON record of the page', asJsonRecord],
    ['an e-mail’s raw source (quoted-printable, an HTML copy in base64)', asEml],
    ['a MediaWiki page’s source', asWikitext],
    ['a LaTeX document', asLatex],
    ['a web page’s cards: `方向 N` on its own line, each label alone on its line above its value', asCards],
    ['a form copied as `label<TAB>value` under `任务N` headings', asTabForm],
    ['Word’s numbering lost: titles in two levels led by a tab', asNumberingLost],
    ['a table copied column by column, cells wrapped in narrow columns', (ds: readonly DirectionSpec[]) => asColumnMajor(ds)],
    ['titles in 【】 with no number, ▲ fields under labels in two languages, in another order each time', asBracketTitlesBilingual],
    ['a pdftotext -layout table on its side: a direction per column, more under 续表', (ds: readonly DirectionSpec[]) => asTransposedSpacedTable(ds)],
    ['a WeChat article’s copy: emoji markers, keycap parts, the editor’s note and the reading list around it', asWeChatArticle],
    ['a label/value table through pdftotext -layout: labels wrapped in their narrow column, a page’s foot inside a row', (ds: readonly DirectionSpec[]) => asLabelColumn(ds)],
    ['a table pasted as text with one full-width space between cells, a group’s caption between header and rows', asFullWidthTable],
    ['fields two to a line through pdftotext -layout, each value wrapped under its own column, a page’s foot between rows', (ds: readonly DirectionSpec[]) => asPairedFields(ds)],
    ['fields two to a line, the figures wrapped in a narrow right column', (ds: readonly DirectionSpec[]) => asPairedFields(ds, 36, 16, 4)],
    ['a table as pdftotext without -layout gives it: column after column, every cell a block, each page’s table its own', (ds: readonly DirectionSpec[]) => asCellBlocks(ds)],
    ['fields without labels, a value to a line in the order the preamble states', (ds: readonly DirectionSpec[]) => asUnlabelled(ds)],
    ['fields without labels in another order, figures with their bounds', (ds: readonly DirectionSpec[]) => asUnlabelled(ds, [4, 2, 3, 1, 0], false)],
    ['a form per direction whose labels run down a column one character a line, through pdftotext -layout', (ds: readonly DirectionSpec[]) => asVerticalLabels(ds)],
    ['a booklet’s print file: pages two to a sheet in the order they are folded, numbered at their feet', (ds: readonly DirectionSpec[]) => asImposedBooklet(ds)],
    ['a draft printed with its markup: balloons of deletions, formats and comments in a column beside the text', (ds: readonly DirectionSpec[]) => withBalloons(asHeadings(ds))],
    ['fake bold headings and labels copied doubled, fields run on and wrapped at 20 characters, a page’s foot every 14 lines', (ds: readonly DirectionSpec[]) => asFakeBold(ds)],
    ['fake bold wrapped at 13 characters, labels cut at line ends', (ds: readonly DirectionSpec[]) => asFakeBold(ds, 13, 17)],
    ['line breaks taken out by hand, each page’s number and running head glued inside a value', asJoinedWithHeads],
    ['key points: each label and its value apart by leader dots, `方向N` headings with no space, nothing between directions', (ds: readonly DirectionSpec[]) => asLeaderLines(ds)],
    ['key points at a narrow measure', (ds: readonly DirectionSpec[]) => asLeaderLines(ds, 30)],
    ['Apache Tika’s text of a PDF: wrapped at 24 columns, blank lines guessed inside sentences', (ds: readonly DirectionSpec[]) => asTikaText(ds)],
    ['Tika’s text wrapped at 30 columns, a guessed blank every other line', (ds: readonly DirectionSpec[]) => asTikaText(ds, 30, 2)],
    ['arranged field by field: agreements and figures each in a later section, a line per direction id', asFieldSections],
    ['a web page’s `<table>`', asHtmlTable],
    ['a web page’s table drawn from `<div>`s by its style sheet, each domain a block of its cell', asCssTable],
    ['a web editor’s cards: a number badge beside each heading, a box of links to other articles between two cards', asEditorCards],
  ])('%s: the values written', async (_name, render) => {
    await fc.assert(
      fc.asyncProperty(directions, async (ds) => {
        const doc = await ingestText(render(ds), 'layout.txt');
        expect(values(doc)).toEqual(expected(ds));
      }),
      { numRuns: runs(25) },
    );
  });
});

describe('a policy database’s copy', () => {
  it('its record fields above the text (索 引 号：…, 【发布部门】…, 发布机构：… 正文：) are removed and logged: the title, the status and the directions read as without them', async () => {
    await fc.assert(
      fc.asyncProperty(directions, fc.nat(), async (ds, form) => {
        const plain = await ingestText(asHeadings(ds), 'layout.txt');
        const copied = await ingestText(withRecordHeader(asHeadings(ds), form), 'layout.txt');
        expect(values(copied)).toEqual(expected(ds));
        expect([copied.document.title, copied.document.status]).toEqual([plain.document.title, plain.document.status]);
        expect(copied.removed.filter((r) => r.kind === 'record-header').length).toBe(RECORD_HEADERS[form % RECORD_HEADERS.length]!.filter((l) => l !== '').length);
      }),
      { numRuns: runs(15) },
    );
  });
});
