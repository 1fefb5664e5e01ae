/**
 * A report as plain data: a header and titled sections of charts, tables and messages. Builders fill it
 * from the record; renderers (HTML, PDF) draw it and know nothing of where the figures came from.
 */

export interface ReportHeader {
  title: string;
  organization: string;
  engagement?: string | undefined;
  partner?: string | undefined;
  /** Practice models by name and version, e.g. `EIS theory of change 1.0.0`. */
  models: string[];
  /** The period the figures cover, as dates or months; null where it is open. A blank form has none. */
  period: { from: string | null; to: string | null } | null;
  generatedOn: string;
}

export interface ChartMonth {
  month: string;
  minutes: number;
  interactions: number;
}

export type ReportChart =
  | { kind: 'dose'; axis: string; months: ChartMonth[] }
  | {
      kind: 'componentMix';
      axis: string;
      months: { month: string; components: { componentId: string; minutes: number }[] }[];
      components: { id: string; name: string; group: string }[];
      groups: { id: string; name: string }[];
    }
  | {
      kind: 'doseDistribution';
      axis: string;
      months: { month: string; mean: number; median: number; q1: number; q3: number }[];
    }
  | { kind: 'bars'; valueName: string; percent: boolean; bars: { label: string; value: number }[] }
  | { kind: 'planVersusActual'; axis: string; months: { month: string; planned: number | null; logged: number }[] };

export interface ReportColumn {
  title: string;
  numeric?: boolean;
}

export type ReportBlock =
  | { kind: 'chart'; label: string; chart: ReportChart }
  | { kind: 'table'; caption?: string; columns: ReportColumn[]; rows: string[][] }
  | { kind: 'message'; text: string }
  | { kind: 'list'; items: string[] };

export interface ReportSection {
  id: string;
  title: string;
  /** The method behind the figures, named with its reference. */
  method?: string;
  blocks: ReportBlock[];
}

export interface Report {
  kind: 'engagement' | 'organization' | 'observation-form';
  header: ReportHeader;
  sections: ReportSection[];
}

/** A number for a table cell: at most `digits` decimals, thousands separated; a dash for a missing value. */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** A share 0–1 as a percentage; a dash for a missing share. */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;
}
