import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/analysis/reports/report.ts';
import { renderReportPdf } from '../../src/app/reports/render-pdf.ts';
import { pdfTextRuns, wordsOf } from '../support/pdf-text.ts';

/** A report whose tables are hard to lay out: many short columns beside long text, dates in narrow columns. */
const crowded: Report = {
  kind: 'engagement',
  header: {
    title: 'Engagement report: Υποστήριξη Θεσσαλονίκης',
    organization: 'Сеть поддержки',
    engagement: 'Υποστήριξη Θεσσαλονίκης',
    partner: 'Δήμος Θεσσαλονίκης',
    models: ['EIS theory of change 1.0.0'],
    period: { from: '2021-08-10', to: '2024-02-29' },
    generatedOn: '2024-03-01',
  },
  sections: [
    {
      id: 'diversity',
      title: 'Diversity of component use',
      method: 'Shannon entropy, natural log (Shannon 1948): H = −Σ pᵢ ln pᵢ over minutes per component.',
      blocks: [
        {
          kind: 'table',
          columns: [
            { title: 'Stage' },
            { title: 'Started' },
            { title: 'Until' },
            { title: 'Uses', numeric: true },
            { title: 'Minutes', numeric: true },
            { title: 'Mean', numeric: true },
            { title: 'Engagement-months', numeric: true },
            { title: 'Median days (completed)', numeric: true },
            { title: 'Notes' },
          ],
          rows: Array.from({ length: 30 }, (_, i) => [
            'capacity development',
            `2021-08-${String(10 + (i % 19)).padStart(2, '0')}`,
            `2022-11-${String(1 + (i % 28)).padStart(2, '0')} (current)`,
            String(i * 7),
            '1,234',
            '12.5',
            String(i),
            '388.5',
            'Reviewed the readiness survey with the leadership team and agreed on the next steps of the plan. '.repeat(
              1 + (i % 3),
            ),
          ]),
        },
      ],
    },
  ],
};

describe('renderReportPdf', () => {
  it('prints symbols and other scripts as written, and keeps header words and dates of a crowded table whole', async () => {
    const runs = await pdfTextRuns(await renderReportPdf(crowded));
    const text = runs.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('H = −Σ pᵢ ln pᵢ');
    expect(text).toContain('Δήμος Θεσσαλονίκης');
    expect(text).toContain('Сеть поддержки');
    const words = wordsOf(runs);
    const table = crowded.sections[0]!.blocks[0] as Extract<Report['sections'][0]['blocks'][0], { kind: 'table' }>;
    const headerWords = table.columns.flatMap((c) => c.title.split(' '));
    expect(headerWords.filter((word) => !words.has(word))).toEqual([]);
    const dates = table.rows.flatMap((row) => [row[1]!, row[2]!.split(' ')[0]!]);
    expect(dates.filter((date) => !words.has(date))).toEqual([]);
  });

  it('embeds every font it uses, so any reader prints the same glyphs', async () => {
    // PDFKit writes object dictionaries uncompressed: each font names its embedded font file.
    const pdf = Buffer.from(await renderReportPdf(crowded)).toString('latin1');
    const descriptors = pdf.match(/\/Type \/FontDescriptor\b/g)?.length ?? 0;
    expect(descriptors).toBeGreaterThan(0);
    expect(pdf.match(/\/FontFile[23]? /g)?.length ?? 0).toBe(descriptors);
    // None of the 14 standard fonts, which a reader substitutes and which cover only Western European text.
    expect(pdf).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/);
  });
});
