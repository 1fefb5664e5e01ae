import type { Evidence, HypothesisResult } from '../../domain/hypotheses/schemas.ts';

/** A statistic for the screen: four significant digits, never NaN; a dash when there is no value. */
export function formatStatistic(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value !== 0 && (Math.abs(value) < 0.001 || Math.abs(value) >= 100_000)) return value.toExponential(2);
  return Number(value.toPrecision(4)).toString();
}

export function formatP(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return 'not available';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

export function formatInterval(effect: HypothesisResult['effect']): string {
  if (!effect?.ci) return 'no interval';
  return `${Math.round(effect.ci.level * 100)}% CI ${formatStatistic(effect.ci.lower)} to ${formatStatistic(effect.ci.upper)}`;
}

export const evidenceLabels: Record<Evidence, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  inconclusive: 'Inconclusive',
  untested: 'Untested',
};

export const evidenceMeaning: Record<Evidence, string> = {
  supported: 'p below alpha, in the registered direction.',
  contradicted: 'p below alpha, in the opposite direction.',
  inconclusive: 'p at or above alpha, or hypotheses disagree.',
  untested: 'no locked hypothesis run with enough data.',
};
