import { describe, expect, it } from 'vitest';
import { builtinModels, eisToc } from './builtin/index.ts';
import type { ModelIssue, PracticeModel } from './schema.ts';
import { validateModel, validateSuccessor } from './validate.ts';

/** A deep copy of eis-toc, changed by `change`; typed loosely because invalid documents are the point. */
function eisTocWith(change: (model: PracticeModel & Record<string, unknown>) => void): unknown {
  const copy = structuredClone(eisToc) as PracticeModel & Record<string, unknown>;
  change(copy);
  return copy;
}

// Deliberately invalid values go through `any` casts: the validator must cope with what the type forbids.
const invalidCorpus: Array<[rule: string, document: unknown, expected: ModelIssue]> = [
  [
    'unknown keys are refused',
    eisTocWith((m) => ((m.components[0] as any).colour = 'red')),
    { path: 'components[0].colour', message: 'unknown key "colour"' },
  ],
  [
    'unknown top-level keys are refused',
    eisTocWith((m) => (m.author = 'x')),
    { path: 'author', message: 'unknown key "author"' },
  ],
  [
    'required fields are present',
    eisTocWith((m) => delete (m.outcomes[0] as any).tier),
    { path: 'outcomes[0].tier', message: 'required field is missing' },
  ],
  [
    'fields have their type',
    eisTocWith((m) => ((m as any).name = 42)),
    { path: 'name', message: 'expected string, received number' },
  ],
  [
    'tier is one of the three tiers',
    eisTocWith((m) => ((m.outcomes[0] as any).tier = 'medium')),
    { path: 'outcomes[0].tier', message: '"medium" is not one of "immediate", "short-term", "long-term"' },
  ],
  [
    'levels are the four levels',
    eisTocWith((m) => ((m.outcomes[0] as any).levels = ['family'])),
    { path: 'outcomes[0].levels[0]', message: '"family" is not one of "individual", "team", "organization", "system"' },
  ],
  [
    'link status is a known status',
    eisTocWith((m) => ((m.links[0] as any).status = 'proven')),
    { path: 'links[0].status', message: '"proven" is not one of "hypothesized", "supported", "mixed", "refuted"' },
  ],
  [
    'provenance is published or operationalized',
    eisTocWith((m) => ((m.constructs[0] as any).provenance = 'invented')),
    { path: 'constructs[0].provenance', message: '"invented" is not one of "published", "operationalized"' },
  ],
  [
    'version is semantic',
    eisTocWith((m) => (m.version = '1.0')),
    { path: 'version', message: '"1.0" must be a semantic version such as "1.0.0" (MAJOR.MINOR.PATCH)' },
  ],
  [
    'ids have the id form',
    eisTocWith((m) => (m.principles[0]!.id = 'relationship centered')),
    {
      path: 'principles[0].id',
      message:
        '"relationship centered" must be an id of letters, digits, "-", "_" or "." (at most 100 characters, no spaces)',
    },
  ],
  [
    'names are not empty',
    eisTocWith((m) => (m.components[0]!.name = '  ')),
    { path: 'components[0].name', message: 'name must not be empty' },
  ],
  [
    'ids are unique across element kinds',
    eisTocWith((m) => (m.principles[0]!.id = 'relating')),
    { path: 'principles[0].id', message: 'duplicate id "relating" (first defined at components[0].id)' },
  ],
  [
    'ids are unique within a kind',
    eisTocWith((m) => m.outcomes.push({ ...m.outcomes[0]! })),
    { path: 'outcomes[12].id', message: 'duplicate id "trust-alliance" (first defined at outcomes[0].id)' },
  ],
  [
    'activity ids are unique within their component',
    eisTocWith((m) => (m.components[3]!.activities[1]!.id = 'match-strategies')),
    {
      path: 'components[3].activities[1].id',
      message: 'duplicate id "match-strategies" (first defined at components[3].activities[0].id)',
    },
  ],
  [
    'an outcome names at least one level',
    eisTocWith((m) => (m.outcomes[0]!.levels = [])),
    { path: 'outcomes[0].levels', message: 'an outcome must name at least one level' },
  ],
  [
    'an outcome names each level once',
    eisTocWith((m) => (m.outcomes[0]!.levels = ['individual', 'individual'])),
    { path: 'outcomes[0].levels[1]', message: 'level "individual" is listed twice' },
  ],
  [
    'a principle lists observable indicators',
    eisTocWith((m) => (m.principles[0]!.indicators = [])),
    { path: 'principles[0].indicators', message: 'a principle must list at least one observable indicator' },
  ],
  [
    'a component group resolves',
    eisTocWith((m) => (m.components[0]!.group = 'basics')),
    { path: 'components[0].group', message: 'unknown component group "basics"' },
  ],
  [
    'a component group names a group',
    eisTocWith((m) => (m.components[0]!.group = 'trust')),
    { path: 'components[0].group', message: '"trust" is a construct, not a component group' },
  ],
  [
    'a mechanism resolves to a construct',
    eisTocWith((m) => m.components[0]!.mechanisms.push('rapport')),
    { path: 'components[0].mechanisms[2]', message: 'unknown construct "rapport"' },
  ],
  [
    'a target outcome resolves to an outcome',
    eisTocWith((m) => m.components[0]!.targetOutcomes.push('trust')),
    { path: 'components[0].targetOutcomes[2]', message: '"trust" is a construct, not an outcome' },
  ],
  [
    'a stage emphasis resolves to a component',
    eisTocWith((m) => m.stages[0]!.emphasizes.push('nobody')),
    { path: 'stages[0].emphasizes[3]', message: 'unknown component "nobody"' },
  ],
  [
    'a stage lists a component once',
    eisTocWith((m) => m.stages[0]!.emphasizes.push('relating')),
    { path: 'stages[0].emphasizes[3]', message: '"relating" is listed twice' },
  ],
  [
    'a typical stage component resolves to a component',
    eisTocWith((m) => m.stages[0]!.typicalComponents!.push({ component: 'trust', provenance: 'operationalized' })),
    { path: 'stages[0].typicalComponents[3].component', message: '"trust" is a construct, not a component' },
  ],
  [
    'a stage lists a typical component once',
    eisTocWith((m) => m.stages[0]!.typicalComponents!.push({ component: 'relating', provenance: 'operationalized' })),
    {
      path: 'stages[0].typicalComponents[3].component',
      message: '"relating" is listed twice (first at typicalComponents[0])',
    },
  ],
  [
    'exit criteria have unique ids within their stage',
    eisTocWith((m) =>
      m.stages[0]!.exitCriteria!.push({ id: 'agreement', description: 'Again', provenance: 'operationalized' }),
    ),
    {
      path: 'stages[0].exitCriteria[3].id',
      message: 'duplicate id "agreement" (first defined at stages[0].exitCriteria[0].id)',
    },
  ],
  [
    'a link starts at a known element',
    eisTocWith((m) => (m.links[0]!.from = 'ghost')),
    { path: 'links[0].from', message: 'unknown element "ghost"' },
  ],
  [
    'a link ends at a known element',
    eisTocWith((m) => (m.links[0]!.to = 'ghost')),
    { path: 'links[0].to', message: 'unknown element "ghost"' },
  ],
  [
    'a link via resolves',
    eisTocWith((m) => (m.links[0]!.via = 'ghost')),
    { path: 'links[0].via', message: 'unknown construct "ghost"' },
  ],
  [
    'a link starts at a component, construct or outcome',
    eisTocWith((m) => (m.links[0]!.from = 'relationship-centered')),
    {
      path: 'links[0].from',
      message: 'a link must start at a component, construct or outcome; "relationship-centered" is a principle',
    },
  ],
  [
    'a component links to a construct or outcome',
    eisTocWith((m) => {
      m.links[0]!.to = 'assessing';
      delete m.links[0]!.via;
    }),
    {
      path: 'links[0].to',
      message: 'a link from a component must lead to a construct or an outcome; "assessing" is a component',
    },
  ],
  [
    'a construct links to an outcome',
    eisTocWith((m) =>
      m.links.push({
        ...m.links[0]!,
        id: 'trust-to-self-efficacy',
        from: 'trust',
        to: 'self-efficacy',
        via: undefined,
      }),
    ),
    {
      path: 'links[38].to',
      message: 'a link from a construct must lead to an outcome; "self-efficacy" is a construct',
    },
  ],
  [
    'an outcome links to an outcome',
    eisTocWith((m) =>
      m.links.push({ ...m.links[0]!, id: 'engagement-to-trust', from: 'engagement', to: 'trust', via: undefined }),
    ),
    { path: 'links[38].to', message: 'a link from an outcome must lead to an outcome; "trust" is a construct' },
  ],
  [
    'an outcome links to the same or a later tier',
    eisTocWith((m) =>
      m.links.push({ ...m.links[0]!, id: 'backwards', from: 'population-outcomes', to: 'engagement', via: undefined }),
    ),
    {
      path: 'links[38].to',
      message:
        'a link from a long-term outcome must lead to an outcome of the same or a later tier; "engagement" is immediate',
    },
  ],
  [
    'a link cannot loop on itself',
    eisTocWith((m) =>
      m.links.push({ ...m.links[0]!, id: 'loop', from: 'engagement', to: 'engagement', via: undefined }),
    ),
    { path: 'links[38].to', message: 'a link cannot lead from an element to itself ("engagement")' },
  ],
  [
    'via names a construct',
    eisTocWith((m) => (m.links[0]!.via = 'engagement')),
    { path: 'links[0].via', message: 'via must name a construct; "engagement" is an outcome' },
  ],
  [
    'via sits on component → outcome links only',
    eisTocWith((m) => (m.links[20]!.via = 'trust')),
    { path: 'links[20].via', message: 'via is allowed only on a link from a component to an outcome' },
  ],
  [
    'a link is stated once',
    eisTocWith((m) => m.links.push({ ...m.links[0]!, id: 'again' })),
    { path: 'links[38]', message: 'duplicate link: same from, via and to as links[0]' },
  ],
  [
    'supersedes names an earlier version',
    eisTocWith((m) => (m.supersedes = { version: '1.0.0', idMap: {} })),
    { path: 'supersedes.version', message: 'must be lower than this model\'s version "1.0.0"' },
  ],
  [
    'supersedes.version is semantic',
    eisTocWith((m) => (m.supersedes = { version: 'one', idMap: {} })),
    { path: 'supersedes.version', message: '"one" must be a semantic version such as "1.0.0" (MAJOR.MINOR.PATCH)' },
  ],
  [
    'an idMap target exists in this version',
    eisTocWith((m) => {
      m.version = '1.1.0';
      m.supersedes = { version: '1.0.0', idMap: { teaching: 'instructing' } };
    }),
    { path: 'supersedes.idMap.teaching', message: '"instructing" is not an id in this version' },
  ],
  [
    'an idMap activity target exists in this version',
    eisTocWith((m) => {
      m.version = '1.1.0';
      m.supersedes = { version: '1.0.0', idMap: { 'teaching/demonstrate': 'teaching/show' } };
    }),
    { path: 'supersedes.idMap["teaching/demonstrate"]', message: '"teaching/show" is not an id in this version' },
  ],
  [
    'idMap keys are element keys',
    eisTocWith((m) => {
      m.version = '1.1.0';
      m.supersedes = { version: '1.0.0', idMap: { 'no way': null } };
    }),
    {
      path: 'supersedes.idMap["no way"]',
      message: 'invalid key "no way": must be an element id, or "componentId/activityId" for a practice activity',
    },
  ],
];

describe('validateModel', () => {
  it.each(builtinModels.map((model) => [model.id, model] as const))(
    'accepts the built-in model %s with no errors or warnings',
    (_id, model) => {
      const result = validateModel(model);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.valid).toBe(true);
      expect(result.model).toEqual(model);
    },
  );

  it.each(invalidCorpus)('refuses a model that breaks the rule: %s', (_rule, document, expected) => {
    const result = validateModel(document);
    expect(result.valid).toBe(false);
    expect(result.model).toBeUndefined();
    expect(result.errors).toEqual([expected]);
  });

  it('reports every error at once, schema and semantic together', () => {
    const document = eisTocWith((m) => {
      m.version = 'latest';
      m.components[3]!.activities[1]!.id = 'match-strategies';
      m.links[0]!.from = 'ghost';
      m.outcomes[0]!.levels = [];
    });
    const result = validateModel(document);
    expect(result.errors.map((issue) => issue.path).sort()).toEqual([
      'components[3].activities[1].id',
      'links[0].from',
      'outcomes[0].levels',
      'version',
    ]);
  });

  it('warns about a component from which no outcome is reachable', () => {
    const result = validateModel(eisTocWith((m) => (m.links = m.links.filter((link) => link.from !== 'brokering'))));
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([
      { path: 'components[8]', message: 'no outcome is reachable from component "brokering"' },
    ]);
  });

  it('warns about an outcome that no component reaches', () => {
    const result = validateModel(
      eisTocWith((m) =>
        m.outcomes.push({
          id: 'orphan',
          name: 'orphan',
          tier: 'long-term',
          levels: ['system'],
          provenance: 'operationalized',
        }),
      ),
    );
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([{ path: 'outcomes[12]', message: 'no component reaches outcome "orphan"' }]);
  });

  it('accepts a model written before stages carried typical components and exit criteria', () => {
    const older = eisTocWith((m) => {
      for (const stage of m.stages) {
        delete stage.typicalComponents;
        delete stage.exitCriteria;
      }
    });
    expect(validateModel(older).errors).toEqual([]);
  });

  it('gives every eis-toc stage operationalized typical components and exit criteria', () => {
    for (const stage of eisToc.stages) {
      expect(stage.typicalComponents?.length).toBeGreaterThan(0);
      expect(stage.exitCriteria?.length).toBeGreaterThan(0);
      for (const element of [...stage.typicalComponents!, ...stage.exitCriteria!])
        expect(element.provenance).toBe('operationalized');
    }
  });

  it('warns about a stage that emphasizes no component', () => {
    const result = validateModel(eisTocWith((m) => (m.stages[3]!.emphasizes = [])));
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([
      { path: 'stages[3].emphasizes', message: 'stage "local-regulation" emphasizes no component' },
    ]);
  });

  it('warns when a link runs through a construct its component does not list as a mechanism', () => {
    const result = validateModel(eisTocWith((m) => (m.links[0]!.via = 'self-efficacy')));
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([
      {
        path: 'links[0].via',
        message: 'construct "self-efficacy" is not among the mechanisms of component "relating"',
      },
    ]);
  });

  it('warns when no link leads from a component to one of its target outcomes', () => {
    const result = validateModel(eisTocWith((m) => m.components[0]!.targetOutcomes.push('population-outcomes')));
    expect(result.warnings).toEqual([]);
    const unreachable = validateModel(eisTocWith((m) => m.components[9]!.targetOutcomes.push('engagement')));
    expect(unreachable.warnings).toEqual([
      {
        path: 'components[9].targetOutcomes[2]',
        message: 'no link leads from component "sustaining" to its target outcome "engagement"',
      },
    ]);
  });

  it('refuses documents that are not models at all', () => {
    expect(validateModel(null).errors).toEqual([{ path: '', message: 'expected object, received null' }]);
    expect(validateModel([]).errors).toEqual([{ path: '', message: 'expected object, received array' }]);
    expect(validateModel('eis-toc').valid).toBe(false);
  });
});

/** eis-toc 1.1.0: teaching renamed to instructing, the repair activity retired, one principle merged into another. */
function successor(change: (model: PracticeModel & Record<string, unknown>) => void = () => {}): unknown {
  return eisTocWith((m) => {
    m.version = '1.1.0';
    const teaching = m.components.find((component) => component.id === 'teaching')!;
    teaching.id = 'instructing';
    for (const stage of m.stages) {
      stage.emphasizes = stage.emphasizes.map((id) => (id === 'teaching' ? 'instructing' : id));
      for (const typical of stage.typicalComponents ?? [])
        if (typical.component === 'teaching') typical.component = 'instructing';
    }
    for (const link of m.links) if (link.from === 'teaching') link.from = 'instructing';
    const relating = m.components[0]!;
    relating.activities = relating.activities.filter((activity) => activity.id !== 'repair-tension');
    m.principles = m.principles.filter((principle) => principle.id !== 'strengths-based');
    m.supersedes = {
      version: '1.0.0',
      idMap: { teaching: 'instructing', 'relating/repair-tension': null, 'strengths-based': 'relationship-centered' },
    };
    change(m);
  });
}

describe('validateSuccessor', () => {
  it('accepts a new version that maps every removed or renamed id', () => {
    const result = validateSuccessor(eisToc, successor());
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each<[string, unknown, ModelIssue]>([
    [
      'the version must grow',
      eisTocWith((m) => (m.version = '0.9.0')),
      { path: 'version', message: 'must be greater than the previous version "1.0.0"' },
    ],
    [
      'the model id stays',
      successor((m) => (m.id = 'eis-toc-2')),
      { path: 'id', message: 'must stay "eis-toc" to be a new version of that model' },
    ],
    [
      'supersedes names the previous version',
      successor((m) => (m.supersedes!.version = '0.9.0')),
      { path: 'supersedes.version', message: 'must be "1.0.0", the version this one succeeds' },
    ],
    [
      'a removed id is mapped',
      successor((m) => delete m.supersedes!.idMap['strengths-based']),
      {
        path: 'supersedes.idMap',
        message:
          'id "strengths-based" of version 1.0.0 is removed but not mapped; map it to its new id, or to null if it is retired',
      },
    ],
    [
      'a removed activity is mapped',
      successor((m) => delete m.supersedes!.idMap['relating/repair-tension']),
      {
        path: 'supersedes.idMap',
        message:
          'id "relating/repair-tension" of version 1.0.0 is removed but not mapped; map it to its new id, or to null if it is retired',
      },
    ],
    [
      'idMap keys are ids of the previous version',
      successor((m) => (m.supersedes!.idMap['never-existed'] = null)),
      { path: 'supersedes.idMap["never-existed"]', message: '"never-existed" is not an id of version 1.0.0' },
    ],
    [
      'an id maps to an element of its own kind',
      successor((m) => (m.supersedes!.idMap['strengths-based'] = 'engagement')),
      {
        path: 'supersedes.idMap["strengths-based"]',
        message:
          'maps principle "strengths-based" to outcome "engagement"; an id must map to an element of the same kind',
      },
    ],
  ])('refuses a new version when %s', (_rule, next, expected) => {
    const result = validateSuccessor(eisToc, next);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([expected]);
  });

  it('requires a mapping even when supersedes is missing altogether', () => {
    const result = validateSuccessor(
      eisToc,
      successor((m) => delete m.supersedes),
    );
    expect(result.errors.map((issue) => issue.message)).toEqual([
      'id "teaching" of version 1.0.0 is removed but not mapped; map it to its new id, or to null if it is retired',
      'id "strengths-based" of version 1.0.0 is removed but not mapped; map it to its new id, or to null if it is retired',
      'id "relating/repair-tension" of version 1.0.0 is removed but not mapped; map it to its new id, or to null if it is retired',
    ]);
  });

  it('lets unchanged activities follow their renamed component', () => {
    // "teaching/demonstrate" becomes "instructing/demonstrate" without its own idMap entry.
    expect(validateSuccessor(eisToc, successor()).errors).toEqual([]);
  });
});
