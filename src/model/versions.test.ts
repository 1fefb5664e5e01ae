import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { eisToc } from './builtin/index.ts';
import type { PracticeModel } from './schema.ts';
import { validateSuccessor } from './validate.ts';
import {
  compareVersions,
  createIdMapper,
  formatModelRef,
  mapElementId,
  parseModelRef,
  removedElementKeys,
  resolveModelRef,
  versionLine,
} from './versions.ts';

describe('parseModelRef', () => {
  it('reads ID and ID@VERSION', () => {
    expect(parseModelRef('eis-toc')).toEqual({ id: 'eis-toc' });
    expect(parseModelRef(' eis-toc@1.2.0-beta.1 ')).toEqual({ id: 'eis-toc', version: '1.2.0-beta.1' });
    expect(formatModelRef({ id: 'eis-toc', version: '1.0.0' })).toBe('eis-toc@1.0.0');
    expect(formatModelRef({ id: 'eis-toc' })).toBe('eis-toc');
  });

  it.each([['eis-toc@1.0'], ['eis toc'], [''], ['@1.0.0'], ['eis-toc@'], ['a@1.0.0@2.0.0']])(
    'refuses %j with a bad_request AppError',
    (ref) => {
      expect(() => parseModelRef(ref)).toThrow(AppError);
      try {
        parseModelRef(ref);
      } catch (error) {
        expect((error as AppError).code).toBe('bad_request');
      }
    },
  );
});

describe('compareVersions', () => {
  it('orders by SemVer 2.0.0 precedence', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.2.0',
      '1.10.0',
      '2.0.0',
    ];
    for (let i = 0; i < ordered.length - 1; i += 1) {
      expect(compareVersions(ordered[i]!, ordered[i + 1]!)).toBe(-1);
      expect(compareVersions(ordered[i + 1]!, ordered[i]!)).toBe(1);
    }
    expect(compareVersions('1.0.0+build.1', '1.0.0+build.2')).toBe(0);
    expect(compareVersions('99999999999999999999.0.0', '99999999999999999998.0.0')).toBe(1);
  });

  it('refuses text that is not a version', () => {
    expect(() => compareVersions('1.0', '1.0.0')).toThrow(AppError);
  });
});

/** eis-toc 1.1.0 renames teaching → instructing; 2.0.0 merges instructing into coaching and retires brokering. */
function versionHistory(): PracticeModel[] {
  const v110 = structuredClone(eisToc);
  v110.version = '1.1.0';
  v110.components.find((component) => component.id === 'teaching')!.id = 'instructing';
  for (const stage of v110.stages) {
    stage.emphasizes = stage.emphasizes.map((id) => (id === 'teaching' ? 'instructing' : id));
    for (const typical of stage.typicalComponents ?? [])
      if (typical.component === 'teaching') typical.component = 'instructing';
  }
  for (const link of v110.links) if (link.from === 'teaching') link.from = 'instructing';
  v110.supersedes = { version: '1.0.0', idMap: { teaching: 'instructing' } };

  const v200 = structuredClone(v110);
  v200.version = '2.0.0';
  const coaching = v200.components.find((component) => component.id === 'coaching')!;
  coaching.activities.push({
    id: 'model-skill',
    label: 'Model a skill',
    description: 'Shows partners how to perform a skill.',
    provenance: 'operationalized',
  });
  v200.components = v200.components.filter(
    (component) => component.id !== 'instructing' && component.id !== 'brokering',
  );
  v200.links = v200.links.filter((link) => link.from !== 'instructing' && link.from !== 'brokering');
  for (const stage of v200.stages) {
    stage.emphasizes = stage.emphasizes.filter((id) => id !== 'instructing' && id !== 'brokering');
    stage.typicalComponents = stage.typicalComponents?.filter(
      (typical) => typical.component !== 'instructing' && typical.component !== 'brokering',
    );
  }
  v200.constructs = v200.constructs.filter((construct) => construct.id !== 'environmental-supports');
  v200.supersedes = {
    version: '1.1.0',
    idMap: {
      instructing: 'coaching',
      'instructing/demonstrate': 'coaching/model-skill',
      'instructing/instruct': null,
      'instructing/rehearse': null,
      'instructing/provide-tools': null,
      'instructing/check-understanding': null,
      brokering: null,
      'environmental-supports': null,
      'teaching-via-observational-learning-to-knowledge-skills': null,
      'teaching-via-self-efficacy-to-implementation-self-efficacy':
        'coaching-via-self-efficacy-to-implementation-self-efficacy',
      'brokering-via-environmental-supports-to-implementation-capacity': null,
      'brokering-via-environmental-supports-to-coordination-alignment': null,
    },
  };
  return [v200, eisToc, v110];
}

describe('version history', () => {
  const history = versionHistory();

  it('is a valid succession', () => {
    const [v200, v100, v110] = history as [PracticeModel, PracticeModel, PracticeModel];
    expect(validateSuccessor(v100, v110).errors).toEqual([]);
    expect(validateSuccessor(v110, v200).errors).toEqual([]);
  });

  it('lists the keys a new version removes', () => {
    const [, v100, v110] = history as [PracticeModel, PracticeModel, PracticeModel];
    expect(removedElementKeys(v100, v110)).toEqual([
      'teaching',
      'teaching/instruct',
      'teaching/demonstrate',
      'teaching/rehearse',
      'teaching/provide-tools',
      'teaching/check-understanding',
    ]);
    expect(removedElementKeys(v100, v100)).toEqual([]);
  });

  it('sorts a model line and resolves references to it', () => {
    expect(versionLine(history, 'eis-toc').map((model) => model.version)).toEqual(['1.0.0', '1.1.0', '2.0.0']);
    expect(resolveModelRef('eis-toc', history)?.version).toBe('2.0.0');
    expect(resolveModelRef('eis-toc@1.1.0', history)?.version).toBe('1.1.0');
    expect(resolveModelRef({ id: 'eis-toc', version: '3.0.0' }, history)).toBeUndefined();
    expect(resolveModelRef('isp-profile', history)).toBeUndefined();
  });

  it('prefers the latest release over a newer pre-release when no version is given', () => {
    const beta = { ...structuredClone(eisToc), version: '3.0.0-beta.1' };
    expect(resolveModelRef('eis-toc', [...history, beta])?.version).toBe('2.0.0');
    expect(resolveModelRef('eis-toc', [beta])?.version).toBe('3.0.0-beta.1');
  });

  it('maps ids recorded under old versions through the chain of idMaps', () => {
    expect(mapElementId(history, 'eis-toc', 'teaching', '1.0.0')).toBe('coaching');
    expect(mapElementId(history, 'eis-toc', 'teaching', '1.0.0', '1.1.0')).toBe('instructing');
    expect(mapElementId(history, 'eis-toc', 'instructing', '1.1.0')).toBe('coaching');
    expect(mapElementId(history, 'eis-toc', 'relating', '1.0.0')).toBe('relating');
    expect(mapElementId(history, 'eis-toc', 'brokering', '1.0.0')).toBeNull();
    expect(mapElementId(history, 'eis-toc', 'environmental-supports', '1.1.0')).toBeNull();
    expect(mapElementId(history, 'eis-toc', 'coaching', '2.0.0')).toBe('coaching');
  });

  it('maps activities, following a renamed component when the activity is unchanged', () => {
    expect(mapElementId(history, 'eis-toc', 'teaching/demonstrate', '1.0.0', '1.1.0')).toBe('instructing/demonstrate');
    expect(mapElementId(history, 'eis-toc', 'teaching/demonstrate', '1.0.0')).toBe('coaching/model-skill');
    // Retired explicitly when instructing merged into coaching, which has no rehearsal activity.
    expect(mapElementId(history, 'eis-toc', 'teaching/rehearse', '1.0.0')).toBeNull();
    expect(mapElementId(history, 'eis-toc', 'brokering/share-evidence', '1.0.0')).toBeNull();
    expect(mapElementId(history, 'eis-toc', 'coaching/give-feedback', '1.0.0')).toBe('coaching/give-feedback');
  });

  it('pools many records with one cached mapper', () => {
    const toLatest = createIdMapper(history, 'eis-toc');
    const recorded: Array<[string, string]> = [
      ['teaching', '1.0.0'],
      ['instructing', '1.1.0'],
      ['coaching', '2.0.0'],
      ['teaching', '1.0.0'],
    ];
    expect(recorded.map(([id, version]) => toLatest(id, version))).toEqual([
      'coaching',
      'coaching',
      'coaching',
      'coaching',
    ]);
  });

  it('refuses to map from a version that is not held or not an ancestor', () => {
    expect(() => mapElementId(history, 'eis-toc', 'relating', '0.9.0')).toThrow(AppError);
    expect(() => mapElementId(history, 'eis-toc', 'relating', '2.0.0', '1.0.0')).toThrow(/not an ancestor/);
    expect(() => mapElementId(history, 'nope', 'relating', '1.0.0')).toThrow(AppError);
  });
});
