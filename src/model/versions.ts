import { AppError } from './errors.ts';
import { activityKey, elementKeys } from './elements.ts';
import { ELEMENT_ID_PATTERN, SEMVER_PATTERN, type PracticeModel } from './schema.ts';

/** A reference to a model, optionally pinned to a version: `eis-toc` or `eis-toc@1.0.0`. */
export interface ModelRef {
  id: string;
  version?: string;
}

/** True when the text is a semantic version (MAJOR.MINOR.PATCH[-pre][+build]). */
export function isSemver(version: string): boolean {
  return SEMVER_PATTERN.test(version);
}

/** Parses `ID[@VERSION]`; refuses anything else with a `bad_request` AppError naming what is wrong. */
export function parseModelRef(ref: string): ModelRef {
  const trimmed = ref.trim();
  const at = trimmed.indexOf('@');
  const id = at === -1 ? trimmed : trimmed.slice(0, at);
  const version = at === -1 ? undefined : trimmed.slice(at + 1);
  if (!ELEMENT_ID_PATTERN.test(id)) {
    throw new AppError('bad_request', `"${ref}" is not a model reference (expected ID or ID@VERSION)`, [
      { path: 'id', message: `"${id}" is not a model id` },
    ]);
  }
  if (version !== undefined && !isSemver(version)) {
    throw new AppError('bad_request', `"${ref}" is not a model reference (expected ID or ID@VERSION)`, [
      { path: 'version', message: `"${version}" is not a semantic version such as 1.0.0` },
    ]);
  }
  return version === undefined ? { id } : { id, version };
}

/** Writes a reference back as `ID@VERSION` (or `ID` when unpinned). */
export function formatModelRef(ref: ModelRef): string {
  return ref.version === undefined ? ref.id : `${ref.id}@${ref.version}`;
}

// Numeric identifiers may exceed Number.MAX_SAFE_INTEGER, so they are compared as digit strings.
function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrerelease(a: string[], b: string[]): number {
  // A version without pre-release identifiers ranks above any pre-release of it.
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const x = a[i] as string;
    const y = b[i] as string;
    const xNumeric = /^\d+$/.test(x);
    const yNumeric = /^\d+$/.test(y);
    let order: number;
    if (xNumeric && yNumeric) order = compareNumeric(x, y);
    else if (xNumeric !== yNumeric) order = xNumeric ? -1 : 1;
    else order = x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return order;
  }
  return Math.sign(a.length - b.length);
}

/** Orders two semantic versions by SemVer 2.0.0 precedence (build metadata ignored): -1, 0 or 1. */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const left = SEMVER_PATTERN.exec(a);
  const right = SEMVER_PATTERN.exec(b);
  if (!left || !right) {
    throw new AppError('bad_request', `"${left ? b : a}" is not a semantic version such as 1.0.0`);
  }
  for (let part = 1; part <= 3; part += 1) {
    const order = compareNumeric(left[part] as string, right[part] as string);
    if (order !== 0) return order as -1 | 1;
  }
  const order = comparePrerelease(left[4]?.split('.') ?? [], right[4]?.split('.') ?? []);
  return Math.sign(order) as -1 | 0 | 1;
}

/** The versions held for one model id, oldest first. */
export function versionLine(models: readonly PracticeModel[], modelId: string): PracticeModel[] {
  return models.filter((model) => model.id === modelId).sort((a, b) => compareVersions(a.version, b.version));
}

/**
 * Picks the model a reference names from those available: the exact version when pinned, otherwise
 * the latest release (a pre-release only when no release exists). Undefined when none matches.
 */
export function resolveModelRef(ref: string | ModelRef, models: readonly PracticeModel[]): PracticeModel | undefined {
  const { id, version } = typeof ref === 'string' ? parseModelRef(ref) : ref;
  const line = versionLine(models, id);
  if (version !== undefined) return line.find((model) => compareVersions(model.version, version) === 0);
  const releases = line.filter((model) => !model.version.split('+')[0]?.includes('-'));
  return (releases.length > 0 ? releases : line).at(-1);
}

/** The version a model succeeds: its declared `supersedes.version`, else the next lower version held. */
function predecessorOf(line: readonly PracticeModel[], index: number): number {
  const declared = line[index]?.supersedes?.version;
  if (declared === undefined) return index - 1;
  return line.findIndex((model) => compareVersions(model.version, declared) === 0);
}

/** The chain of versions from `fromVersion` to `toVersion` (both included), following each version's predecessor. */
function succession(line: readonly PracticeModel[], fromVersion: string, toVersion: string): PracticeModel[] {
  const modelId = line[0]?.id ?? '';
  let index = line.findIndex((model) => compareVersions(model.version, toVersion) === 0);
  if (index === -1) throw new AppError('not_found', `version ${toVersion} of model "${modelId}" not found`);
  if (line.findIndex((model) => compareVersions(model.version, fromVersion) === 0) === -1) {
    throw new AppError('not_found', `version ${fromVersion} of model "${modelId}" not found`);
  }
  const chain: PracticeModel[] = [];
  while (index >= 0) {
    const model = line[index] as PracticeModel;
    chain.unshift(model);
    if (compareVersions(model.version, fromVersion) === 0) return chain;
    index = predecessorOf(line, index);
  }
  throw new AppError(
    'bad_request',
    `version ${fromVersion} of model "${modelId}" is not an ancestor of version ${toVersion}; records cannot be mapped forward`,
  );
}

/** Maps one key across one version step: the declared idMap entry, else the same key if it still exists. */
function mapStep(key: string, next: PracticeModel, nextKeys: Map<string, unknown>): string | null {
  const idMap = next.supersedes?.idMap;
  if (idMap && Object.hasOwn(idMap, key)) return idMap[key] ?? null;
  if (nextKeys.has(key)) return key;
  const slash = key.indexOf('/');
  if (slash > 0) {
    // An activity follows its component when the component is renamed and the activity is not.
    const component = mapStep(key.slice(0, slash), next, nextKeys);
    if (component === null) return null;
    const moved = activityKey(component, key.slice(slash + 1));
    return nextKeys.has(moved) ? moved : null;
  }
  return null;
}

/**
 * Returns a function that maps an element key recorded under an earlier version of one model to its key in
 * `targetVersion` (default: the latest version held), following each version's idMap in turn. The function
 * returns null for an element retired without successor. Results are cached, so it suits pooling many records.
 */
export function createIdMapper(
  models: readonly PracticeModel[],
  modelId: string,
  targetVersion?: string,
): (key: string, recordedVersion: string) => string | null {
  const line = versionLine(models, modelId);
  const target = targetVersion ?? line.at(-1)?.version;
  if (target === undefined) throw new AppError('not_found', `model "${modelId}" not found`);
  const keysOf = new Map<PracticeModel, Map<string, unknown>>();
  const chains = new Map<string, PracticeModel[]>();
  const cache = new Map<string, string | null>();
  return (key, recordedVersion) => {
    const cacheKey = `${recordedVersion}\u0000${key}`;
    const cached = cache.get(cacheKey);
    if (cached !== undefined || cache.has(cacheKey)) return cached ?? null;
    let chain = chains.get(recordedVersion);
    if (!chain) {
      chain = succession(line, recordedVersion, target);
      chains.set(recordedVersion, chain);
    }
    let current: string | null = key;
    for (const next of chain.slice(1)) {
      let nextKeys = keysOf.get(next);
      if (!nextKeys) {
        nextKeys = elementKeys(next);
        keysOf.set(next, nextKeys);
      }
      current = mapStep(current, next, nextKeys);
      if (current === null) break;
    }
    cache.set(cacheKey, current);
    return current;
  };
}

/** Maps one element key recorded under `fromVersion` to its key in `toVersion` (default: latest); null when retired. */
export function mapElementId(
  models: readonly PracticeModel[],
  modelId: string,
  key: string,
  fromVersion: string,
  toVersion?: string,
): string | null {
  return createIdMapper(models, modelId, toVersion)(key, fromVersion);
}

/**
 * Element keys of `previous` that `next` no longer has: the ids a new version must map in `supersedes.idMap`
 * (an editor can offer them, prefilled with null, when an administrator publishes a new version).
 */
export function removedElementKeys(previous: PracticeModel, next: PracticeModel): string[] {
  const kept = elementKeys(next);
  return [...elementKeys(previous).keys()].filter((key) => !kept.has(key));
}
