import { conflict } from '../errors.ts';

/**
 * A hypothesis is a draft until it is locked; a locked hypothesis never changes again, it can only
 * be run or withdrawn. A withdrawn hypothesis keeps its history and runs but is run no more.
 */
export const hypothesisStatuses = ['draft', 'locked', 'withdrawn'] as const;
export type HypothesisStatus = (typeof hypothesisStatuses)[number];

interface HasStatus {
  status: HypothesisStatus;
  lockedAt: string | null;
}

const describe = (h: HasStatus): string =>
  h.status === 'locked' ? `was locked at ${h.lockedAt ?? 'an earlier time'}` : 'has been withdrawn';

/** Refuses (409) to edit anything but a draft: a locked registration is what was promised before the results. */
export function assertEditable(h: HasStatus): void {
  if (h.status !== 'draft')
    throw conflict(`The hypothesis ${describe(h)}; its registration can no longer be edited`, [
      { path: 'status', message: `is ${h.status}` },
    ]);
}

/** Refuses (409) to lock anything but a draft. */
export function assertLockable(h: HasStatus): void {
  if (h.status !== 'draft')
    throw conflict(`The hypothesis ${describe(h)}; only a draft can be locked`, [
      { path: 'status', message: `is ${h.status}` },
    ]);
}

/** Refuses (409) to run anything but a locked hypothesis: results are only seen after registration. */
export function assertRunnable(h: HasStatus): void {
  if (h.status === 'draft')
    throw conflict('Lock the hypothesis before running it: results are only computed for a locked registration', [
      { path: 'status', message: 'is draft' },
    ]);
  if (h.status === 'withdrawn')
    throw conflict('The hypothesis has been withdrawn; it is no longer run', [
      { path: 'status', message: 'is withdrawn' },
    ]);
}

/** Refuses (409) to withdraw a hypothesis twice. */
export function assertWithdrawable(h: HasStatus): void {
  if (h.status === 'withdrawn')
    throw conflict('The hypothesis has already been withdrawn', [{ path: 'status', message: 'is withdrawn' }]);
}
