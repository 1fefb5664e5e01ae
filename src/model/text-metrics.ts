/**
 * Text measurement without a DOM, so diagrams lay out identically in Node and the browser. Widths are the
 * Helvetica metrics (Arial and Liberation Sans share them), in thousandths of an em, for printable ASCII.
 */
const HELVETICA_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
const WIDE_CHARACTER = 600;
// Bold faces run about 8% wider; the margin covers fallback fonts that run a little wider than Helvetica.
const BOLD_FACTOR = 1.08;
const SAFETY_MARGIN = 1.05;

/** Width in pixels of a line of text at a font size, in Helvetica-compatible fonts. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    units += code >= 32 && code <= 126 ? (HELVETICA_WIDTHS[code - 32] ?? WIDE_CHARACTER) : WIDE_CHARACTER;
  }
  return (units / 1000) * fontSize * (bold ? BOLD_FACTOR : 1) * SAFETY_MARGIN;
}

/** Breaks text into lines no wider than maxWidth, at spaces; a single over-long word is cut with a hyphen. */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part.length > 0)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (textWidth(line, fontSize, bold) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(`${line.slice(0, cut)}-`, fontSize, bold) > maxWidth) cut -= 1;
      lines.push(`${line.slice(0, cut)}-`);
      line = line.slice(cut);
    }
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}
