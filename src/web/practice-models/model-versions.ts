import type { PracticeModel } from '../../model/schema.ts';

/**
 * The next minor version of a semantic version: `1.0.0` → `1.1.0`, `2.3.4-beta.1` → `2.4.0`.
 * Anything that is not a version starts the line at `0.1.0`.
 */
export function nextMinorVersion(version: string): string {
  const match = /^(\d+)\.(\d+)\.\d+/.exec(version);
  if (!match) return '0.1.0';
  return `${match[1]}.${Number(match[2]) + 1}.0`;
}

/**
 * The document an editor starts from to publish a new version of `model`: the same content, the version
 * bumped (minor) and a `supersedes` block naming the current version with an empty id map, ready for renames.
 */
export function successorDraft(model: PracticeModel): PracticeModel {
  return { ...model, version: nextMinorVersion(model.version), supersedes: { version: model.version, idMap: {} } };
}
