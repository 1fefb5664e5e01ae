import type { LinkStatus, SurveyResponse, WaveProgress } from './schemas.ts';

/**
 * Where a survey link stands: revoked and submitted win over the clock; an open link past its expiry is
 * expired; an open link with any answer saved is started; otherwise unused. Staff-entered responses have no link.
 */
export function linkStatus(
  response: Pick<SurveyResponse, 'viaLink' | 'revokedAt' | 'status' | 'expiresAt' | 'answers'>,
  now: Date,
): LinkStatus | null {
  if (!response.viaLink) return null;
  if (response.revokedAt !== null) return 'revoked';
  if (response.status === 'submitted') return 'submitted';
  if (response.expiresAt !== null && response.expiresAt <= now.toISOString()) return 'expired';
  const answered = Object.values(response.answers).some((items) =>
    Object.values(items).some((value) => value !== null),
  );
  return answered ? 'started' : 'unused';
}

/** Counts of a wave's links by status, and of responses entered by staff. */
export function progressCounts(statuses: readonly (LinkStatus | null)[]): WaveProgress['counts'] {
  const counts = { links: 0, unused: 0, started: 0, submitted: 0, expired: 0, revoked: 0, entered: 0 };
  for (const status of statuses) {
    if (status === null) counts.entered += 1;
    else {
      counts.links += 1;
      counts[status] += 1;
    }
  }
  return counts;
}
