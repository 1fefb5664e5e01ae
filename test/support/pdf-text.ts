import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF as a reader's software extracts it (PDF.js): one string per piece of text the
 * PDF draws (PDFKit draws each line of a paragraph or table cell as one), in page order.
 */
export async function pdfTextRuns(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, verbosity: 0 }).promise;
  const runs: string[] = [];
  try {
    for (let page = 1; page <= document.numPages; page += 1) {
      const content = await (await document.getPage(page)).getTextContent();
      for (const item of content.items) if ('str' in item && item.str.trim() !== '') runs.push(item.str);
    }
  } finally {
    await document.destroy();
  }
  return runs;
}

/** Every word of a PDF's text, as drawn: a word broken across two lines shows up as two pieces. */
export const wordsOf = (runs: readonly string[]): Set<string> =>
  new Set(runs.flatMap((run) => run.split(/\s+/).filter((word) => word !== '')));
