import type { Table } from './tables.ts';

/**
 * The codebook of the research export, as CSV rows and as Markdown: every file, and for every CSV every
 * column with its type, allowed values and meaning. Written from the table definitions themselves.
 */

/** A file of the export that is not a table: what it is, for the codebook and the README. */
export interface DocumentFile {
  file: string;
  description: string;
}

export const codebookHeader = ['file', 'column', 'type', 'allowed_values', 'meaning'] as const;

/** What the export leaves out and what it keeps, said once for the codebook and the README. */
export const deidentificationNotes = [
  'Identifiers of engagements, partners, contacts, users (ISPs) and interactions and of measurement waves are keyed pseudonyms: HMAC-SHA-256 of the id under the export key, cut to 16 hex digits and prefixed by the kind (E-, P-, C-, U-, I-, W-). The same key gives the same pseudonyms in every export; another key gives unrelated ones. The key is not in the export.',
  'Not exported: names of partners, contacts, users, engagements and the organization; e-mail addresses and contact roles; interaction notes; next-step texts and owners; engagement goals; partner tags; individual survey answers.',
  'Coaching (only when the organization lets coaching into the research export): the ratings of coaches’ reviews and observations, per component (quality 1–5) and per activity, and practitioners’ self-ratings, in data/coaching_*.csv. Practitioners and coaches are the same user pseudonyms (U-) as elsewhere; reviews, observations and self-assessments are keyed pseudonyms too (R-, O-, S-). Not exported: review feedback, comments, practitioners’ replies, observation notes and principle observations, coaching sessions (what was agreed, follow-up) and development goals.',
  'Kept: dates as recorded (not shifted), times of day, partner type, region and state or country as the organization entered them, and model, stage, component, activity and principle ids, which are labelled in this codebook.',
];

export function codebookRows(tables: readonly Table[], documents: readonly DocumentFile[]): string[][] {
  return [
    [...codebookHeader],
    ...tables.flatMap((t) => [
      [t.file, '', 'file', '', t.description],
      ...t.columns.map((c) => [t.file, c.name, c.type, c.allowed, c.meaning]),
    ]),
    ...documents.map((d) => [d.file, '', 'file', '', d.description]),
  ];
}

const markdownCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function codebookMarkdown(tables: readonly Table[], documents: readonly DocumentFile[]): string {
  const lines = [
    '# Codebook of the Praxis research export',
    '',
    '## De-identification',
    '',
    ...deidentificationNotes.map((n) => `- ${n}`),
    '',
    '## Files',
    '',
  ];
  for (const t of tables) lines.push(`- \`${t.file}\`: ${t.description}`);
  for (const d of documents) lines.push(`- \`${d.file}\`: ${d.description}`);
  lines.push('', 'Missing values are empty cells. CSV files are UTF-8 with a header row.');
  for (const t of tables) {
    lines.push(
      '',
      `## ${t.file}`,
      '',
      t.description,
      '',
      '| column | type | allowed values | meaning |',
      '| --- | --- | --- | --- |',
    );
    for (const c of t.columns)
      lines.push(`| \`${c.name}\` | ${c.type} | ${markdownCell(c.allowed)} | ${markdownCell(c.meaning)} |`);
  }
  return `${lines.join('\n')}\n`;
}
