import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Report, ReportBlock } from '../../analysis/reports/report.ts';
import { reportChartHeight, reportChartSvg, reportChartWidth } from './report-charts.ts';
import { tableLayout } from './table-layout.ts';

/**
 * A report as a PDF, drawn in JavaScript with PDFKit (no browser): the same SVG charts as the HTML
 * report placed as vector graphics, tables laid out row by row with columns sized from their text.
 * Text uses DejaVu Sans, embedded (subset) from the `dejavu-fonts-ttf` package: the standard PDF
 * fonts cover only Western European text and would print the diversity formula (−Σ pᵢ ln pᵢ), Greek,
 * Cyrillic or other names as garbage.
 */

const margin = 48;
const colors = { text: '#212529', muted: '#495057', rule: '#dee2e6', head: '#f1f3f5', accent: '#228be6' };
const font = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  italic: 'DejaVuSans-Oblique',
  // Charts are laid out (by ECharts, without a browser) for Helvetica's widths, which the condensed
  // face matches within 3%; the regular face runs 14% wider and would crowd legends into each other.
  chart: 'DejaVuSansCondensed',
  chartBold: 'DejaVuSansCondensed-Bold',
};

/** The font files, read once per process; every report registers them under the names in `font`. */
let fontFiles: [name: string, data: Buffer][] | undefined;
function loadFonts(): [string, Buffer][] {
  if (!fontFiles) {
    const require = createRequire(import.meta.url);
    fontFiles = Object.values(font).map((name) => [
      name,
      readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`)),
    ]);
  }
  return fontFiles;
}

type Doc = PDFKit.PDFDocument;

const contentWidth = (doc: Doc): number => doc.page.width - 2 * margin;
const bottom = (doc: Doc): number => doc.page.height - margin;

/** Starts a new page unless `height` still fits on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

// Chart text names a browser font stack; PDF draws it in the report's chart font.
const chartFont = (_family: string, bold: boolean): string => (bold ? font.chartBold : font.chart);

function drawChart(doc: Doc, block: Extract<ReportBlock, { kind: 'chart' }>): void {
  const { svg, width, height } = reportChartSvg(block.chart);
  const scale = contentWidth(doc) / width;
  ensureSpace(doc, height * scale + 8);
  const top = doc.y;
  // The drawing's own pixel size would override the size given here; its viewBox keeps the proportions.
  const scalable = svg.replace(/^<svg width="\d+" height="\d+"/, '<svg');
  SVGtoPDF(doc, scalable, margin, top, {
    width: width * scale,
    height: height * scale,
    fontCallback: chartFont,
    warningCallback: () => undefined,
  });
  // Drawing text moves PDFKit's cursor; the next block starts below the whole chart.
  doc.x = margin;
  doc.y = top + height * scale + 8;
}

const cellPadding = 3;
const tableFontSize = 8.5;
/** The smallest size a table's text is set in to keep its words whole; a table that needs less breaks words. */
const smallestTableFontSize = 6;

interface TableStyle {
  widths: number[];
  fontSize: number;
}

/** Column widths and font size of a table, from its text measured in the report's fonts (`tableLayout`). */
function tableStyle(doc: Doc, block: Extract<ReportBlock, { kind: 'table' }>): TableStyle {
  const measure = (text: string, header: boolean): number =>
    doc
      .font(header ? font.bold : font.regular)
      .fontSize(1)
      .widthOfString(text);
  return tableLayout(
    block.columns.map((c) => c.title),
    block.rows,
    {
      width: contentWidth(doc),
      padding: cellPadding,
      fontSize: tableFontSize,
      smallestFontSize: smallestTableFontSize,
      longestWord: contentWidth(doc) / 3,
    },
    measure,
  );
}

function rowHeight(doc: Doc, cells: string[], style: TableStyle, header: boolean): number {
  doc.font(header ? font.bold : font.regular).fontSize(style.fontSize);
  return (
    Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: style.widths[i]! - 2 * cellPadding }))) +
    2 * cellPadding
  );
}

function drawRow(doc: Doc, cells: string[], style: TableStyle, numeric: boolean[], header: boolean): void {
  const height = rowHeight(doc, cells, style, header);
  const top = doc.y;
  if (header) doc.rect(margin, top, contentWidth(doc), height).fill(colors.head);
  doc.font(header ? font.bold : font.regular).fontSize(style.fontSize);
  let x = margin;
  cells.forEach((cell, i) => {
    doc.fillColor(colors.text).text(cell, x + cellPadding, top + cellPadding, {
      width: style.widths[i]! - 2 * cellPadding,
      align: numeric[i] ? 'right' : 'left',
    });
    x += style.widths[i]!;
  });
  doc
    .moveTo(margin, top + height)
    .lineTo(margin + contentWidth(doc), top + height)
    .lineWidth(0.5)
    .strokeColor(colors.rule)
    .stroke();
  doc.x = margin;
  doc.y = top + height;
}

/** A table row by row; a row that does not fit starts a new page, which repeats the header row. */
function drawTable(doc: Doc, block: Extract<ReportBlock, { kind: 'table' }>): void {
  const style = tableStyle(doc, block);
  const numeric = block.columns.map((c) => c.numeric === true);
  const titles = block.columns.map((c) => c.title);
  ensureSpace(doc, 48);
  if (block.caption)
    doc
      .font(font.bold)
      .fontSize(9.5)
      .fillColor(colors.text)
      .text(block.caption, margin, doc.y, { width: contentWidth(doc) })
      .moveDown(0.2);
  drawRow(doc, titles, style, numeric, true);
  for (const row of block.rows) {
    if (doc.y + rowHeight(doc, row, style, false) > bottom(doc)) {
      doc.addPage();
      drawRow(doc, titles, style, numeric, true);
    }
    drawRow(doc, row, style, numeric, false);
  }
  doc.moveDown(0.8);
}

function drawBlock(doc: Doc, block: ReportBlock): void {
  switch (block.kind) {
    case 'chart':
      return drawChart(doc, block);
    case 'table':
      return drawTable(doc, block);
    case 'message':
      doc
        .font(font.italic)
        .fontSize(10)
        .fillColor(colors.muted)
        .text(block.text, margin, doc.y, { width: contentWidth(doc) })
        .moveDown(0.6);
      return;
    case 'list':
      doc
        .font(font.regular)
        .fontSize(10)
        .fillColor(colors.text)
        .list(block.items, margin + 8, doc.y, { width: contentWidth(doc) - 8, bulletRadius: 1.5 })
        .moveDown(0.6);
      doc.x = margin;
      return;
  }
}

/** Renders a report to PDF bytes. */
export function renderReportPdf(report: Report): Promise<Buffer> {
  const { header } = report;
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    info: { Title: header.title, Creator: 'Praxis', Subject: `${header.organization}` },
  });
  for (const [name, data] of loadFonts()) doc.registerFont(name, data);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc
    .font(font.bold)
    .fontSize(18)
    .fillColor(colors.text)
    .text(header.title, { width: contentWidth(doc) });
  doc.moveDown(0.3);
  const facts: [string, string | undefined][] = [
    ['Organization', header.organization],
    ['Engagement', header.engagement],
    ['Partner', header.partner],
    [header.models.length > 1 ? 'Practice models' : 'Practice model', header.models.join('; ') || '—'],
    [
      'Period',
      header.period
        ? `${header.period.from ?? 'the beginning'} to ${header.period.to ?? header.generatedOn}`
        : undefined,
    ],
    ['Generated', header.generatedOn],
  ];
  for (const [term, value] of facts) {
    if (value === undefined) continue;
    doc
      .font(font.bold)
      .fontSize(10)
      .fillColor(colors.muted)
      .text(`${term}: `, { continued: true })
      .font(font.regular)
      .fillColor(colors.text)
      .text(value);
  }
  doc.moveDown(0.4);
  doc
    .moveTo(margin, doc.y)
    .lineTo(margin + contentWidth(doc), doc.y)
    .lineWidth(1.5)
    .strokeColor(colors.accent)
    .stroke();
  doc.moveDown(0.8);

  for (const section of report.sections) {
    // Keep a section's title with its first block: a chart must fit whole below it.
    const first = section.blocks[0];
    ensureSpace(
      doc,
      first?.kind === 'chart' ? (reportChartHeight(first.chart) * contentWidth(doc)) / reportChartWidth + 48 : 80,
    );
    doc
      .font(font.bold)
      .fontSize(13)
      .fillColor(colors.text)
      .text(section.title, margin, doc.y, { width: contentWidth(doc) });
    if (section.method)
      doc
        .font(font.regular)
        .fontSize(8.5)
        .fillColor(colors.muted)
        .text(`Method: ${section.method}`, { width: contentWidth(doc) });
    doc.moveDown(0.4);
    for (const block of section.blocks) drawBlock(doc, block);
    doc.moveDown(0.4);
  }

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i += 1) {
    doc.switchToPage(pages.start + i);
    // The footer sits in the bottom margin; without this PDFKit would start a page for it.
    doc.page.margins.bottom = 0;
    doc
      .font(font.regular)
      .fontSize(8)
      .fillColor(colors.muted)
      .text(`${header.title} · page ${i + 1} of ${pages.count}`, margin, doc.page.height - margin + 16, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
