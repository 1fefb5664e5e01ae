import type { z } from 'zod';
import { ELEMENT_KIND_LABEL, ELEMENT_SECTIONS, activityKey, elementKeys, type ElementKind } from './elements.ts';
import { formatIssuePath } from './issue-path.ts';
import { OUTCOME_TIERS, practiceModelSchema, type ModelIssue, type PracticeModel } from './schema.ts';
import { compareVersions, isSemver } from './versions.ts';

/** The verdict on a model document: every error and warning found, and the typed model when there are no errors. */
export interface ModelValidation {
  valid: boolean;
  model?: PracticeModel;
  errors: ModelIssue[];
  warnings: ModelIssue[];
}

// The semantic checks read the raw document defensively, so that they run (and report) even when the
// schema refuses part of it: a user fixing a model sees every problem in one pass.
type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const field = (record: Loose, key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);
const stringField = (record: Loose, key: string): string | undefined => {
  const value = field(record, key);
  return typeof value === 'string' ? value : undefined;
};

function records(value: unknown): Array<[number, Loose]> {
  if (!Array.isArray(value)) return [];
  const found: Array<[number, Loose]> = [];
  value.forEach((item: unknown, index) => {
    if (isRecord(item)) found.push([index, item]);
  });
  return found;
}

function strings(value: unknown): Array<[number, string]> {
  if (!Array.isArray(value)) return [];
  const found: Array<[number, string]> = [];
  value.forEach((item: unknown, index) => {
    if (typeof item === 'string') found.push([index, item]);
  });
  return found;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): { found: boolean; value: unknown } {
  let current: unknown = input;
  for (const segment of path) {
    if (typeof segment === 'symbol') return { found: false, value: undefined };
    if (Array.isArray(current) && typeof segment === 'number' && segment < current.length) current = current[segment];
    else if (isRecord(current) && Object.hasOwn(current, segment)) current = current[String(segment)];
    else return { found: false, value: undefined };
  }
  return { found: true, value: current };
}

/** Rewrites zod's issues in the validator's voice: one issue per unknown key, the offending value quoted. */
function schemaIssues(issues: ReadonlyArray<z.core.$ZodIssue>, input: unknown): ModelIssue[] {
  const result: ModelIssue[] = [];
  for (const issue of issues) {
    const path = formatIssuePath(issue.path);
    const actual = valueAt(input, issue.path);
    if (!actual.found && issue.code !== 'unrecognized_keys' && issue.code !== 'invalid_key') {
      result.push({ path, message: 'required field is missing' });
      continue;
    }
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys)
          result.push({ path: formatIssuePath([...issue.path, key]), message: `unknown key "${key}"` });
        break;
      case 'invalid_type':
        result.push({ path, message: `expected ${issue.expected}, received ${describeValue(actual.value)}` });
        break;
      case 'invalid_value':
        result.push({
          path,
          message: `${JSON.stringify(actual.value) ?? 'value'} is not one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`,
        });
        break;
      case 'invalid_format':
        result.push({
          path,
          message:
            typeof actual.value === 'string' ? `${JSON.stringify(actual.value)} ${issue.message}` : issue.message,
        });
        break;
      case 'invalid_key':
        result.push({
          path,
          message: `invalid key ${JSON.stringify(String(issue.path.at(-1)))}: ${issue.issues[0]?.message ?? issue.message}`,
        });
        break;
      default:
        result.push({ path, message: issue.message });
    }
  }
  return result;
}

interface IndexedElement {
  kind: ElementKind;
  path: string;
  record: Loose;
}

const withArticle = (label: string) => (/^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`);

const TIER_RANK = new Map<string, number>(OUTCOME_TIERS.map((tier, rank) => [tier, rank]));

/** Checks the rules that need the whole document: ids, references, link direction, supersession, reachability. */
function checkSemantics(doc: unknown, errors: ModelIssue[], warnings: ModelIssue[]): void {
  if (!isRecord(doc)) return;
  const error = (path: string, message: string) => errors.push({ path, message });

  // Unique ids: one namespace across all element kinds, since links name their ends by id alone.
  const index = new Map<string, IndexedElement>();
  for (const [section, kind] of ELEMENT_SECTIONS) {
    for (const [i, record] of records(field(doc, section))) {
      const id = stringField(record, 'id');
      if (id === undefined) continue;
      const path = `${section}[${i}]`;
      const first = index.get(id);
      if (first) error(`${path}.id`, `duplicate id "${id}" (first defined at ${first.path}.id)`);
      else index.set(id, { kind, path, record });
    }
  }

  const components = records(field(doc, 'components'));
  for (const [i, component] of components) {
    const activityIds = new Map<string, number>();
    for (const [j, activity] of records(field(component, 'activities'))) {
      const id = stringField(activity, 'id');
      if (id === undefined) continue;
      const first = activityIds.get(id);
      if (first !== undefined)
        error(
          `components[${i}].activities[${j}].id`,
          `duplicate id "${id}" (first defined at components[${i}].activities[${first}].id)`,
        );
      else activityIds.set(id, j);
    }
  }

  /** Checks that `id` names an element of the expected kind. */
  const expectKind = (path: string, id: string, kind: ElementKind): void => {
    const found = index.get(id);
    if (!found) error(path, `unknown ${ELEMENT_KIND_LABEL[kind]} "${id}"`);
    else if (found.kind !== kind)
      error(
        path,
        `"${id}" is ${withArticle(ELEMENT_KIND_LABEL[found.kind])}, not ${withArticle(ELEMENT_KIND_LABEL[kind])}`,
      );
  };
  const expectList = (path: string, list: unknown, kind: ElementKind) => {
    const seen = new Set<string>();
    for (const [j, id] of strings(list)) {
      if (seen.has(id)) error(`${path}[${j}]`, `"${id}" is listed twice`);
      else expectKind(`${path}[${j}]`, id, kind);
      seen.add(id);
    }
  };

  for (const [i, component] of components) {
    const group = stringField(component, 'group');
    if (group !== undefined) expectKind(`components[${i}].group`, group, 'componentGroup');
    expectList(`components[${i}].mechanisms`, field(component, 'mechanisms'), 'construct');
    expectList(`components[${i}].targetOutcomes`, field(component, 'targetOutcomes'), 'outcome');
  }
  for (const [i, stage] of records(field(doc, 'stages'))) {
    const emphasized = field(stage, 'emphasizes');
    expectList(`stages[${i}].emphasizes`, emphasized, 'component');
    const typical = new Map<string, number>();
    for (const [j, entry] of records(field(stage, 'typicalComponents'))) {
      const id = stringField(entry, 'component');
      if (id === undefined) continue;
      const path = `stages[${i}].typicalComponents[${j}].component`;
      const first = typical.get(id);
      if (first !== undefined) error(path, `"${id}" is listed twice (first at typicalComponents[${first}])`);
      else expectKind(path, id, 'component');
      typical.set(id, j);
    }
    const criteria = new Map<string, number>();
    for (const [j, criterion] of records(field(stage, 'exitCriteria'))) {
      const id = stringField(criterion, 'id');
      if (id === undefined) continue;
      const first = criteria.get(id);
      if (first !== undefined)
        error(
          `stages[${i}].exitCriteria[${j}].id`,
          `duplicate id "${id}" (first defined at stages[${i}].exitCriteria[${first}].id)`,
        );
      else criteria.set(id, j);
    }
    if (Array.isArray(emphasized) && emphasized.length === 0) {
      warnings.push({
        path: `stages[${i}].emphasizes`,
        message: `stage "${stringField(stage, 'id') ?? i}" emphasizes no component`,
      });
    }
  }
  for (const [i, outcome] of records(field(doc, 'outcomes'))) {
    const seen = new Set<string>();
    for (const [j, level] of strings(field(outcome, 'levels'))) {
      if (seen.has(level)) error(`outcomes[${i}].levels[${j}]`, `level "${level}" is listed twice`);
      seen.add(level);
    }
  }

  const edges = checkLinks(doc, index, error, warnings);
  checkSupersession(doc, keysOfDocument(doc), error);
  warnReachability(components, index, edges, warnings);
}

/** Checks every link's ends and direction; returns the well-formed links as from → to edges for reachability. */
function checkLinks(
  doc: Loose,
  index: Map<string, IndexedElement>,
  error: (path: string, message: string) => void,
  warnings: ModelIssue[],
): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  const seen = new Map<string, number>();
  const kindOf = (path: string, id: string | undefined, expected = 'element'): ElementKind | undefined => {
    if (id === undefined) return undefined;
    const found = index.get(id);
    if (!found) error(path, `unknown ${expected} "${id}"`);
    return found?.kind;
  };
  const describe = (id: string, kind: ElementKind) => `"${id}" is ${withArticle(ELEMENT_KIND_LABEL[kind])}`;

  for (const [i, link] of records(field(doc, 'links'))) {
    const path = `links[${i}]`;
    const from = stringField(link, 'from');
    const to = stringField(link, 'to');
    const via = stringField(link, 'via');
    const fromKind = kindOf(`${path}.from`, from);
    const toKind = kindOf(`${path}.to`, to);
    const viaKind = kindOf(`${path}.via`, via, 'construct');
    let directionOk = fromKind !== undefined && toKind !== undefined;

    if (from !== undefined && fromKind !== undefined && !['component', 'construct', 'outcome'].includes(fromKind)) {
      error(`${path}.from`, `a link must start at a component, construct or outcome; ${describe(from, fromKind)}`);
      directionOk = false;
    } else if (from !== undefined && from === to) {
      error(`${path}.to`, `a link cannot lead from an element to itself ("${from}")`);
      directionOk = false;
    } else if (from !== undefined && to !== undefined && fromKind !== undefined && toKind !== undefined) {
      if (fromKind === 'component' && toKind !== 'construct' && toKind !== 'outcome') {
        error(`${path}.to`, `a link from a component must lead to a construct or an outcome; ${describe(to, toKind)}`);
        directionOk = false;
      } else if (fromKind === 'construct' && toKind !== 'outcome') {
        error(`${path}.to`, `a link from a construct must lead to an outcome; ${describe(to, toKind)}`);
        directionOk = false;
      } else if (fromKind === 'outcome' && toKind !== 'outcome') {
        error(`${path}.to`, `a link from an outcome must lead to an outcome; ${describe(to, toKind)}`);
        directionOk = false;
      } else if (fromKind === 'outcome') {
        const fromTier = stringField(index.get(from)?.record ?? {}, 'tier');
        const toTier = stringField(index.get(to)?.record ?? {}, 'tier');
        const fromRank = TIER_RANK.get(fromTier ?? '');
        const toRank = TIER_RANK.get(toTier ?? '');
        if (fromRank !== undefined && toRank !== undefined && toRank < fromRank) {
          error(
            `${path}.to`,
            `a link from a ${fromTier} outcome must lead to an outcome of the same or a later tier; "${to}" is ${toTier}`,
          );
          directionOk = false;
        }
      }
    }

    if (via !== undefined && viaKind !== undefined) {
      if (viaKind !== 'construct') {
        error(`${path}.via`, `via must name a construct; ${describe(via, viaKind)}`);
      } else if (directionOk && !(fromKind === 'component' && toKind === 'outcome')) {
        error(`${path}.via`, 'via is allowed only on a link from a component to an outcome');
      } else if (fromKind === 'component' && from !== undefined) {
        const mechanisms = field(index.get(from)?.record ?? {}, 'mechanisms');
        if (Array.isArray(mechanisms) && !mechanisms.includes(via)) {
          warnings.push({
            path: `${path}.via`,
            message: `construct "${via}" is not among the mechanisms of component "${from}"`,
          });
        }
      }
    }

    if (from !== undefined && to !== undefined) {
      const signature = JSON.stringify([from, via ?? null, to]);
      const first = seen.get(signature);
      if (first !== undefined) error(path, `duplicate link: same from, via and to as links[${first}]`);
      else seen.set(signature, i);
      if (directionOk) edges.set(from, [...(edges.get(from) ?? []), to]);
    }
  }
  return edges;
}

/** Checks the declared predecessor version and that every idMap target exists in this version. */
function checkSupersession(
  doc: Loose,
  keys: Map<string, ElementKind>,
  error: (path: string, message: string) => void,
): void {
  const supersedes = field(doc, 'supersedes');
  if (!isRecord(supersedes)) return;
  const version = stringField(doc, 'version');
  const previous = stringField(supersedes, 'version');
  if (version !== undefined && previous !== undefined && isSemver(version) && isSemver(previous)) {
    if (compareVersions(previous, version) >= 0) {
      error('supersedes.version', `must be lower than this model's version "${version}"`);
    }
  }
  const idMap = field(supersedes, 'idMap');
  if (!isRecord(idMap)) return;
  for (const [oldKey, newKey] of Object.entries(idMap)) {
    if (typeof newKey === 'string' && !keys.has(newKey)) {
      error(formatIssuePath(['supersedes', 'idMap', oldKey]), `"${newKey}" is not an id in this version`);
    }
  }
}

function reachableFrom(start: string, edges: Map<string, string[]>): Set<string> {
  const reached = new Set<string>();
  const queue = [start];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const to of edges.get(next) ?? []) {
      if (!reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }
  return reached;
}

/** Warns about components that lead nowhere, outcomes nothing leads to, and targets no link reaches. */
function warnReachability(
  components: Array<[number, Loose]>,
  index: Map<string, IndexedElement>,
  edges: Map<string, string[]>,
  warnings: ModelIssue[],
): void {
  const reachedByAny = new Set<string>();
  for (const [i, component] of components) {
    const id = stringField(component, 'id');
    if (id === undefined || index.get(id)?.record !== component) continue;
    const reached = reachableFrom(id, edges);
    const outcomes = [...reached].filter((key) => index.get(key)?.kind === 'outcome');
    outcomes.forEach((outcome) => reachedByAny.add(outcome));
    if (outcomes.length === 0) {
      warnings.push({ path: `components[${i}]`, message: `no outcome is reachable from component "${id}"` });
      continue;
    }
    for (const [j, target] of strings(field(component, 'targetOutcomes'))) {
      if (index.get(target)?.kind === 'outcome' && !reached.has(target)) {
        warnings.push({
          path: `components[${i}].targetOutcomes[${j}]`,
          message: `no link leads from component "${id}" to its target outcome "${target}"`,
        });
      }
    }
  }
  for (const [id, element] of index) {
    if (element.kind === 'outcome' && !reachedByAny.has(id)) {
      warnings.push({ path: element.path, message: `no component reaches outcome "${id}"` });
    }
  }
}

/** Validates a practice-model document against the schema and every model rule; never throws. */
export function validateModel(input: unknown): ModelValidation {
  const errors: ModelIssue[] = [];
  const warnings: ModelIssue[] = [];
  const parsed = practiceModelSchema.safeParse(input);
  if (!parsed.success) errors.push(...schemaIssues(parsed.error.issues, input));
  checkSemantics(parsed.success ? parsed.data : input, errors, warnings);
  if (parsed.success && errors.length === 0) return { valid: true, model: parsed.data, errors, warnings };
  return { valid: false, errors, warnings };
}

/**
 * Validates `next` as a new version of `previous`: the model rules, plus same model id, a greater version,
 * `supersedes.version` naming the previous version, and an idMap entry for every removed id (to its new id,
 * of the same kind, or to null when retired).
 */
export function validateSuccessor(previous: PracticeModel, next: unknown): ModelValidation {
  const result = validateModel(next);
  const errors = [...result.errors];
  if (!isRecord(next)) return result;
  const error = (path: string, message: string) => errors.push({ path, message });

  const id = stringField(next, 'id');
  if (id !== undefined && id !== previous.id)
    error('id', `must stay "${previous.id}" to be a new version of that model`);
  const version = stringField(next, 'version');
  if (version !== undefined && isSemver(version) && compareVersions(version, previous.version) <= 0) {
    error('version', `must be greater than the previous version "${previous.version}"`);
  }

  const supersedes = field(next, 'supersedes');
  const declared = isRecord(supersedes) ? stringField(supersedes, 'version') : undefined;
  if (declared !== undefined && isSemver(declared) && compareVersions(declared, previous.version) !== 0) {
    error('supersedes.version', `must be "${previous.version}", the version this one succeeds`);
  }
  const rawMap = isRecord(supersedes) ? field(supersedes, 'idMap') : undefined;
  const idMap = new Map<string, unknown>(isRecord(rawMap) ? Object.entries(rawMap) : []);

  const oldKeys = elementKeys(previous);
  const newKeys = keysOfDocument(next);
  for (const [oldKey, target] of idMap) {
    const oldKind = oldKeys.get(oldKey);
    const path = formatIssuePath(['supersedes', 'idMap', oldKey]);
    if (oldKind === undefined) {
      error(path, `"${oldKey}" is not an id of version ${previous.version}`);
      continue;
    }
    const newKind = typeof target === 'string' ? newKeys.get(target) : undefined;
    if (newKind !== undefined && newKind !== oldKind) {
      error(
        path,
        `maps ${ELEMENT_KIND_LABEL[oldKind]} "${oldKey}" to ${ELEMENT_KIND_LABEL[newKind]} "${String(target)}"; an id must map to an element of the same kind`,
      );
    }
  }

  const mapped = (key: string): boolean => {
    if (idMap.has(key) || newKeys.has(key)) return true;
    const slash = key.indexOf('/');
    if (slash < 0) return false;
    // An activity follows its component: retired with it, or carried over when the component is renamed and
    // the activity id is unchanged. An activity of an unmapped component is covered by the component's error.
    const componentId = key.slice(0, slash);
    if (!idMap.has(componentId)) return !newKeys.has(componentId);
    const component = idMap.get(componentId);
    return (
      component === null || (typeof component === 'string' && newKeys.has(activityKey(component, key.slice(slash + 1))))
    );
  };
  for (const oldKey of oldKeys.keys()) {
    if (!mapped(oldKey)) {
      error(
        'supersedes.idMap',
        `id "${oldKey}" of version ${previous.version} is removed but not mapped; map it to its new id, or to null if it is retired`,
      );
    }
  }
  if (errors.length === result.errors.length) return result;
  return { valid: false, errors, warnings: result.warnings };
}

/** Element keys of a document that may not have passed the schema. */
function keysOfDocument(doc: Loose): Map<string, ElementKind> {
  const keys = new Map<string, ElementKind>();
  for (const [section, kind] of ELEMENT_SECTIONS) {
    for (const [, record] of records(field(doc, section))) {
      const id = stringField(record, 'id');
      if (id !== undefined && !keys.has(id)) keys.set(id, kind);
    }
  }
  for (const [, component] of records(field(doc, 'components'))) {
    const componentId = stringField(component, 'id');
    if (componentId === undefined) continue;
    for (const [, activity] of records(field(component, 'activities'))) {
      const id = stringField(activity, 'id');
      if (id !== undefined) keys.set(activityKey(componentId, id), 'activity');
    }
  }
  return keys;
}
