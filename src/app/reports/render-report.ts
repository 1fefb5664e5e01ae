import type { Report } from '../../analysis/reports/report.ts';

export const reportFormats = ['html', 'pdf'] as const;

export type ReportFormat = (typeof reportFormats)[number];

export interface RenderedReport {
  body: string | Buffer;
  contentType: string;
  fileName: string;
}

const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60) || 'report';

/** A report rendered in the chosen format, with its content type and a file name for downloads. */
export async function renderReport(report: Report, format: ReportFormat): Promise<RenderedReport> {
  const base = `${report.kind}-report-${slug(report.header.engagement ?? report.header.organization)}-${report.header.generatedOn}`;
  // The renderers (ECharts for the charts, PDFKit) load with the first report, not with the server or the CLI.
  if (format === 'pdf') {
    const { renderReportPdf } = await import('./render-pdf.ts');
    return { body: await renderReportPdf(report), contentType: 'application/pdf', fileName: `${base}.pdf` };
  }
  const { renderReportHtml } = await import('./render-html.ts');
  return { body: renderReportHtml(report), contentType: 'text/html; charset=utf-8', fileName: `${base}.html` };
}
