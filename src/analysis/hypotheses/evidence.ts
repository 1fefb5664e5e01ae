import type { Evidence, LinkEvidence } from '../../domain/hypotheses/schemas.ts';
import type { HypothesisStatus } from '../../domain/hypotheses/lifecycle.ts';

export interface HypothesisEvidenceSource {
  id: string;
  title: string;
  linkId: string;
  status: HypothesisStatus;
  /** The latest run's verdict; null when never run. */
  latestRun: { verdict: Evidence; ranAt: string } | null;
}

/**
 * The evidence on one link from the latest run of each locked hypothesis on it: supported when some
 * support it and none contradict it, contradicted in the mirror case, inconclusive when they disagree
 * or none reached alpha, untested when none has been run (with enough data). Drafts and withdrawn
 * hypotheses do not count.
 */
export function combineEvidence(verdicts: readonly Evidence[]): Evidence {
  const has = (e: Evidence) => verdicts.includes(e);
  if (has('supported') && !has('contradicted')) return 'supported';
  if (has('contradicted') && !has('supported')) return 'contradicted';
  if (has('supported') || has('inconclusive')) return 'inconclusive';
  return 'untested';
}

/** Evidence for every link of a model, in the model's link order. */
export function linkEvidence(
  linkIds: readonly string[],
  hypotheses: readonly HypothesisEvidenceSource[],
): LinkEvidence[] {
  return linkIds.map((linkId) => {
    const counted = hypotheses.filter((h) => h.linkId === linkId && h.status === 'locked');
    const entries = counted.map((h) => ({
      id: h.id,
      title: h.title,
      verdict: h.latestRun?.verdict ?? ('untested' as const),
      ranAt: h.latestRun?.ranAt ?? null,
    }));
    return { linkId, evidence: combineEvidence(entries.map((e) => e.verdict)), hypotheses: entries };
  });
}
