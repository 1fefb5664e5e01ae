import { AppError } from '../../domain/errors.ts';

/** Refuses missing or non-finite numbers up front, so no statistic is ever computed as NaN. */
export function requireFinite(values: readonly number[], name: string): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new AppError('validation_failed', `${name} must contain only finite numbers`, [
        { path: `${name}[${i}]`, message: `not a finite number: ${String(value)}` },
      ]);
    }
  }
}

export function requireSameLength(a: readonly unknown[], b: readonly unknown[], nameA: string, nameB: string): void {
  if (a.length !== b.length) {
    throw new AppError(
      'validation_failed',
      `${nameA} and ${nameB} must have the same length (${a.length} vs ${b.length})`,
      [{ path: nameB, message: `length ${b.length}, expected ${a.length}` }],
    );
  }
}

export function requireConfidenceLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new AppError('validation_failed', `confidence level must be between 0 and 1; got ${level}`, [
      { path: 'confLevel', message: 'must be between 0 and 1' },
    ]);
  }
}
