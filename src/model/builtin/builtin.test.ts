import { describe, expect, it } from 'vitest';
import { OUTCOME_LEVELS, OUTCOME_TIERS } from '../schema.ts';
import { eisToc } from './eis-toc.ts';
import { builtinModels, DEFAULT_MODEL_ID } from './index.ts';
import { ispProfile } from './isp-profile.ts';

/** The component table of practice-model.md: id, name, group, activities, "works through", "aims at". */
const COMPONENT_TABLE: Array<[string, string, string, string[], string[], string[]]> = [
  [
    'relating',
    'Building and sustaining relationships',
    'foundational',
    [
      'agree roles and expectations',
      "check in on partners' priorities and pressures",
      'keep and follow up commitments',
      'name strengths and progress',
      'repair tension openly',
    ],
    ['trust', 'outcome expectations'],
    ['trust and working alliance', 'engagement'],
  ],
  [
    'assessing',
    'Assessing context, needs and capacity',
    'foundational',
    [
      'review existing implementation data',
      'facilitate a readiness or capacity assessment',
      'map people, resources and initiatives',
      'feed results back and interpret them together',
    ],
    ['shared understanding'],
    ['shared understanding of needs', 'readiness'],
  ],
  [
    'co-designing',
    'Co-designing plans and infrastructure',
    'co-design',
    [
      'facilitate shared goal setting',
      'co-write the implementation plan (roles, timelines)',
      'co-create teams, workflows and policies',
      'record joint decisions',
    ],
    ['goal setting', 'collective efficacy'],
    ['plan ownership', 'implementation infrastructure'],
  ],
  [
    'tailoring',
    'Tailoring strategies to context',
    'co-design',
    [
      'match strategies to assessed barriers',
      'adapt materials to culture and language while keeping core program components',
      'align with existing initiatives',
    ],
    ['outcome expectations'],
    ['fit (appropriateness)', 'plan quality'],
  ],
  [
    'teaching',
    'Teaching and skill building',
    'capacity-building',
    [
      'interactive instruction on implementation concepts and tools',
      'demonstrate (model) a skill',
      'rehearse with partners',
      'provide tools and templates',
      'check understanding',
    ],
    ['observational learning', 'mastery'],
    ['knowledge and skills', 'self-efficacy'],
  ],
  [
    'coaching',
    'Coaching for performance',
    'capacity-building',
    [
      'observe partner practice',
      'give specific feedback',
      'guided practice',
      'set next-step goals and self-monitoring',
      'encourage',
    ],
    ['mastery', 'verbal persuasion', 'self-regulation'],
    ['self-efficacy', 'skill use'],
  ],
  [
    'facilitating',
    'Facilitating teams and collaboration',
    'capacity-building',
    [
      'prepare and run team meetings',
      'facilitate group problem solving and decisions',
      'set communication routines',
      'coordinate across agencies',
    ],
    ['collective efficacy'],
    ['team functioning', 'cross-agency coordination'],
  ],
  [
    'improving',
    'Using data for continuous improvement',
    'improvement',
    [
      'set up data collection',
      'review data with the team',
      'run plan-do-study-act cycles',
      'interpret fidelity and reach data',
      'celebrate gains',
    ],
    ['self-regulation (monitoring, feedback)'],
    ['data-use routines', 'fidelity and reach'],
  ],
  [
    'brokering',
    'Brokering knowledge, resources and connections',
    'improvement',
    [
      'share evidence summaries',
      'connect partners with peers and experts',
      'link to funding and resources',
      'convene learning communities',
    ],
    ['environmental supports'],
    ['access to resources', 'networks'],
  ],
  [
    'sustaining',
    'Developing leadership and sustainability',
    'sustainment',
    [
      'cultivate champions and leaders',
      'plan funding and policy for sustainment',
      'hand facilitation over to local staff and fade support',
      'embed practices in routine',
    ],
    ['collective efficacy', 'self-regulation'],
    ['leadership capacity', 'sustainment', 'local regulation'],
  ],
];

const OUTCOME_TABLE: Array<[string, string, string[]]> = [
  ['immediate', 'trust and working alliance', ['individual', 'team']],
  ['immediate', 'shared understanding of needs and plan', ['team', 'organization']],
  ['immediate', 'engagement in support', ['individual', 'team']],
  [
    'immediate',
    'experience of support (acceptability, appropriateness, feasibility, accessibility, quality)',
    ['individual'],
  ],
  ['short-term', 'implementation knowledge and skills', ['individual']],
  ['short-term', 'self-efficacy for implementation', ['individual']],
  ['short-term', 'collective efficacy and team functioning', ['team']],
  ['short-term', 'implementation capacity and infrastructure', ['organization']],
  ['short-term', 'coordination and alignment', ['system']],
  ['long-term', 'implementation performance (fidelity, reach, quality)', ['organization', 'system']],
  ['long-term', 'sustainment and scale', ['organization', 'system']],
  ['long-term', 'population outcomes', ['system']],
];

const lower = (text: string) => text.toLowerCase();

describe('eis-toc 1.0.0 follows practice-model.md', () => {
  it('is the default model', () => {
    expect(DEFAULT_MODEL_ID).toBe('eis-toc');
    expect(builtinModels[0]).toBe(eisToc);
    expect(eisToc.version).toBe('1.0.0');
  });

  it('has the four published stages in order', () => {
    expect(eisToc.stages.map((stage) => [stage.name, stage.provenance])).toEqual([
      ['readiness and exploration', 'published'],
      ['capacity development', 'published'],
      ['supported performance', 'published'],
      ['local regulation', 'published'],
    ]);
  });

  it('has the component groups, with only "foundational" and "co-design" published', () => {
    expect(eisToc.componentGroups.map((group) => [group.id, group.provenance])).toEqual([
      ['foundational', 'published'],
      ['co-design', 'published'],
      ['capacity-building', 'operationalized'],
      ['improvement', 'operationalized'],
      ['sustainment', 'operationalized'],
    ]);
  });

  it('has the ten components of the table, with their activities, operationalized', () => {
    expect(eisToc.components.map((component) => [component.id, component.name, component.group])).toEqual(
      COMPONENT_TABLE.map(([id, name, group]) => [id, name, group]),
    );
    for (const [id, , , activities] of COMPONENT_TABLE) {
      const component = eisToc.components.find((candidate) => candidate.id === id)!;
      expect(component.activities.map((activity) => lower(activity.label))).toEqual(activities);
      expect(component.provenance).toBe('operationalized');
      for (const activity of component.activities) {
        expect(activity.provenance).toBe('operationalized');
        expect(activity.description.length).toBeGreaterThan(20);
      }
    }
  });

  it('states what each component works through and aims at in its links', () => {
    const constructNames = new Map(
      eisToc.constructs.map((construct) => [construct.id, lower(`${construct.name} ${construct.description}`)]),
    );
    for (const [id, , , , worksThrough, aimsAt] of COMPONENT_TABLE) {
      const links = eisToc.links.filter((link) => link.from === id);
      const said = lower(
        links.map((link) => `${link.rationale} ${constructNames.get(link.via ?? '') ?? ''}`).join(' '),
      );
      for (const mechanism of worksThrough) expect(said, `${id} works through ${mechanism}`).toContain(mechanism);
      for (const aim of aimsAt) expect(said, `${id} aims at ${aim}`).toContain(aim);
      const component = eisToc.components.find((candidate) => candidate.id === id)!;
      expect(new Set(links.map((link) => link.via))).toEqual(new Set(component.mechanisms));
      expect(new Set(links.map((link) => link.to))).toEqual(new Set(component.targetOutcomes));
    }
  });

  it('has the eight principles, names operationalized, each with observable indicators', () => {
    expect(eisToc.principles.map((principle) => principle.name)).toEqual([
      'relationship-centered',
      'co-creative (shared power and ownership)',
      'strengths-based',
      'equity-advancing',
      'context-responsive',
      'data-informed',
      "capacity over dependency (aim for partners' self-sufficiency)",
      'systems-minded (work across levels)',
    ]);
    for (const principle of eisToc.principles) {
      expect(principle.provenance).toBe('operationalized');
      expect(principle.indicators.length).toBeGreaterThan(0);
    }
  });

  it('has the social cognitive theory constructs', () => {
    expect(eisToc.constructs.map((construct) => construct.name)).toEqual(
      expect.arrayContaining([
        'self-efficacy',
        'collective efficacy',
        'outcome expectations',
        'observational learning (modeling)',
        'self-regulation (goal setting, self-monitoring, feedback)',
        'environmental supports and barriers (reciprocal determinism)',
        'trust (relational precondition)',
      ]),
    );
  });

  it('has the twelve outcomes with their tiers and levels', () => {
    expect(eisToc.outcomes.map((outcome) => [outcome.tier, outcome.name, outcome.levels])).toEqual(OUTCOME_TABLE);
    const published = eisToc.outcomes
      .filter((outcome) => outcome.provenance === 'published')
      .map((outcome) => outcome.id);
    expect(published).toEqual(['implementation-capacity', 'implementation-performance']);
  });

  it('links outcomes forward: to the same or a later tier, at the same or a higher level', () => {
    const outcomes = new Map(eisToc.outcomes.map((outcome) => [outcome.id, outcome]));
    const outcomeLinks = eisToc.links.filter((link) => outcomes.has(link.from));
    expect(outcomeLinks.length).toBeGreaterThan(10);
    for (const link of outcomeLinks) {
      const from = outcomes.get(link.from)!;
      const to = outcomes.get(link.to)!;
      expect(OUTCOME_TIERS.indexOf(to.tier), link.id).toBeGreaterThanOrEqual(OUTCOME_TIERS.indexOf(from.tier));
      const lowestFrom = Math.min(...from.levels.map((level) => OUTCOME_LEVELS.indexOf(level)));
      const highestTo = Math.max(...to.levels.map((level) => OUTCOME_LEVELS.indexOf(level)));
      expect(highestTo, link.id).toBeGreaterThanOrEqual(lowestFrom);
    }
  });

  it('gives every link a stable id, a rationale and the status hypothesized', () => {
    for (const link of eisToc.links) {
      expect(link.id).toBe(link.via ? `${link.from}-via-${link.via}-to-${link.to}` : `${link.from}-to-${link.to}`);
      expect(link.status).toBe('hypothesized');
      expect(link.rationale.length).toBeGreaterThan(20);
      expect(link.provenance).toBe('operationalized');
    }
  });
});

describe('isp-profile follows Metz et al. (2020)', () => {
  it('has three domains of fifteen competencies and six principles, all names published', () => {
    const byDomain = ispProfile.componentGroups.map((group) => [
      group.name,
      ispProfile.components.filter((component) => component.group === group.id).map((component) => component.name),
    ]);
    expect(byDomain).toEqual([
      [
        'co-creation and engagement',
        ['co-learning', 'brokering', 'addressing power differentials', 'co-design', 'tailoring support'],
      ],
      [
        'ongoing improvement',
        [
          'assessing needs and assets',
          'understanding context',
          'applying and integrating implementation frameworks, strategies and approaches',
          'facilitation',
          'communication',
          'conducting improvement cycles',
        ],
      ],
      [
        'sustaining change',
        [
          'growing and sustaining relationships',
          'developing teams',
          'building capacity',
          'cultivating leaders and champions',
        ],
      ],
    ]);
    expect(ispProfile.principles.map((principle) => principle.name)).toEqual([
      'be empathetic',
      'be curious',
      'be committed',
      'advance equity',
      'use critical thinking',
      'embrace cross-disciplinary approaches',
    ]);
    for (const element of [...ispProfile.componentGroups, ...ispProfile.components, ...ispProfile.principles])
      expect(element.provenance).toBe('published');
  });

  it('marks its own activities, outcomes and links as operationalized', () => {
    for (const component of ispProfile.components) {
      expect(component.activities.length).toBeGreaterThan(1);
      for (const activity of component.activities) expect(activity.provenance).toBe('operationalized');
    }
    for (const element of [
      ...ispProfile.outcomes,
      ...ispProfile.links,
      ...ispProfile.constructs,
      ...ispProfile.stages,
    ]) {
      expect(element.provenance).toBe('operationalized');
    }
  });
});
