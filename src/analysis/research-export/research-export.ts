import { formatCsv } from '../../domain/csv.ts';
import type { Instrument } from '../../domain/measurement/instrument.ts';
import { formatRedcapDictionary } from '../../domain/measurement/redcap-dictionary.ts';
import { redcapProject } from '../../domain/support/redcap.ts';
import { formatModel } from '../../model/format.ts';
import { analysisScript } from './analysis-script.ts';
import { coachingTables, type CoachingRecord } from './coaching-tables.ts';
import { codebookMarkdown, codebookRows, deidentificationNotes, type DocumentFile } from './codebook.ts';
import type { Pseudonymizer } from './pseudonyms.ts';
import { researchTables, type ResearchRecord, type Table } from './tables.ts';

/**
 * The research export as a list of files: tidy CSV tables, the codebook, the practice model documents,
 * the REDCap data dictionaries, `analysis.R`, and last the README with provenance, which needs the row
 * counts and SHA-256 digests of everything written before it.
 */

export interface ExportFile extends DocumentFile {
  /** A table is written row by row as CSV; text is written as it is. */
  content: Table | string;
}

export interface ResearchExportInput extends ResearchRecord {
  /** The instrument versions the exported waves use, for their REDCap dictionaries. */
  instruments: Instrument[];
  /** The coaching records, when the organization lets coaching into the export; otherwise null and no coaching tables. */
  coaching: CoachingRecord | null;
}

export const readmeFile = 'README.txt';

/** Every file of the export except the README, in the order they are written. */
export function researchExportFiles(input: ResearchExportInput, pseudonym: Pseudonymizer): ExportFile[] {
  const tables = [
    ...researchTables(input, pseudonym),
    ...(input.coaching ? coachingTables(input.coaching, input.models, pseudonym) : []),
  ];
  const interactionForm = redcapProject(input.models);
  const documents: ExportFile[] = [
    ...input.models.map((model) => ({
      file: `models/${model.id}@${model.version}.json`,
      description: `The practice model document ${model.id} version ${model.version} (${model.name}), as \`praxis model export\` writes it: labels, definitions and links of every id used in the data.`,
      content: formatModel(model, 'json'),
    })),
    {
      file: 'redcap/interactions-dictionary.csv',
      description:
        'REDCap data dictionary of the interaction form (the layout of `praxis export interactions --format redcap`), for a REDCap project mirroring the support record. It describes a notes field; notes are not in this export.',
      content: formatCsv([interactionForm.dictionaryHeader, ...interactionForm.dictionaryRows], {
        recordDelimiter: 'unix',
      }),
    },
    ...input.instruments.map((instrument) => ({
      file: `redcap/instrument-${instrument.id}@${instrument.version}-dictionary.csv`,
      description: `REDCap data dictionary of the instrument ${instrument.id} version ${instrument.version} (${instrument.name}): items, choices and scoring of the scores in data/outcomes.csv.`,
      content: formatRedcapDictionary(instrument),
    })),
    {
      file: 'analysis.R',
      description:
        'R script: reproduces the descriptives (dose by month of relationship, component mix) and the mixed model (lme4), and checks them against results/. See README.txt.',
      content: analysisScript,
    },
  ];
  const codebookDocuments: DocumentFile[] = [
    { file: 'codebook.csv', description: 'This codebook as CSV: file, column, type, allowed values, meaning.' },
    { file: 'codebook.md', description: 'This codebook as Markdown.' },
    ...documents.map(({ file, description }) => ({ file, description })),
    {
      file: readmeFile,
      description:
        'Provenance (Praxis version, export time, model versions, filters, row counts, SHA-256 of every file) and how to run analysis.R.',
    },
  ];
  return [
    ...tables.map((table) => ({ file: table.file, description: table.description, content: table })),
    {
      file: 'codebook.csv',
      description: codebookDocuments[0]!.description,
      content: formatCsv(codebookRows(tables, codebookDocuments), { recordDelimiter: 'unix' }),
    },
    {
      file: 'codebook.md',
      description: codebookDocuments[1]!.description,
      content: codebookMarkdown(tables, codebookDocuments),
    },
    ...documents,
  ];
}

/** What the README says about where the export came from. */
export interface Provenance {
  praxisVersion: string;
  exportedAt: string;
  models: { id: string; version: string }[];
  filters: { from?: string | undefined; to?: string | undefined; engagement?: string | undefined };
}

/** A file as written: its data rows (tables only), size and SHA-256 digest. */
export interface WrittenFile {
  file: string;
  rows: number | null;
  bytes: number;
  sha256: string;
}

export function readmeText(provenance: Provenance, written: readonly WrittenFile[]): string {
  const { from, to, engagement } = provenance.filters;
  const filters = [
    from && `interactions and waves from ${from}`,
    to && `up to ${to}`,
    engagement && `engagement ${engagement} only`,
  ]
    .filter(Boolean)
    .join(', ');
  const width = Math.max(...written.map((w) => w.file.length));
  return [
    'Praxis research export',
    '======================',
    '',
    `Praxis version:  ${provenance.praxisVersion}`,
    `Exported at:     ${provenance.exportedAt}`,
    `Practice models: ${provenance.models.map((m) => `${m.id}@${m.version}`).join(', ') || 'none'}`,
    `Filters:         ${filters || 'none (every live record of the organization)'}`,
    '',
    'De-identification',
    '-----------------',
    ...deidentificationNotes.flatMap((note) => wrap(note, 100).map((line, n) => (n === 0 ? `- ${line}` : `  ${line}`))),
    '',
    'Running the analysis',
    '--------------------',
    'Unzip the export into a folder and run, from that folder:',
    '',
    '    Rscript analysis.R',
    '',
    'It needs R 4.0 or later and the lme4 package (install.packages("lme4"); on Debian or Ubuntu',
    'apt-get install r-base-core r-cran-lme4). It prints, and writes to analysis-output/: minutes per',
    'engagement by month of relationship (mean, median and interquartile range, R quantile type 7),',
    'the component mix by month, and a linear mixed model with a random intercept per engagement fitted',
    'by REML with lme4::lmer: mean outcome score against hours of support before the wave where an outcome',
    'was measured in at least three engagements, otherwise minutes per month against the month of the',
    'relationship. It checks its descriptives and the model against the figures Praxis computed',
    '(results/) and exits with status 1 if they differ by more than 1e-6 (relative above 1). When the',
    'coaching tables are there it checks them too: ratings in range, pseudonyms, and every rated',
    'engagement and interaction present in the other tables.',
    'codebook.md describes every file and column.',
    '',
    'Files (data rows, bytes, SHA-256)',
    '---------------------------------',
    ...written.map(
      (w) =>
        `${w.file.padEnd(width)}  ${(w.rows === null ? '-' : String(w.rows)).padStart(8)}  ${String(w.bytes).padStart(10)}  ${w.sha256}`,
    ),
    '',
    'Check a file with: sha256sum FILE (or shasum -a 256 FILE).',
    '',
  ].join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
