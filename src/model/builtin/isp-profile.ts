import type { Component, Link, Outcome, PracticeModel, Stage } from '../schema.ts';
import { linkOutcomes, linkVia, practiceComponent, practiceOutcome } from './authoring.ts';

/**
 * The Implementation Support Practitioner Profile (Metz, Louison, Burke, Albers & Ward, 2020; NIRN),
 * shipped to show that nothing in Praxis depends on the default model's shape.
 *
 * The three domains, fifteen competencies and six principles carry their `published` names. Definitions,
 * behavioral activities, stages, constructs (COM-B), outcomes and links are Praxis's `operationalized`
 * reading, so that competencies can be logged, coached and related to outcomes like any other model.
 */

const OPS = 'operationalized' as const;
const NAME_ONLY = 'Competency name and domain published; definition and activities operationalized.';

const competency = (
  ...[id, name, group, definition, activities, mechanisms, targets]: Parameters<typeof practiceComponent>
) =>
  practiceComponent(id, name, group, definition, activities, mechanisms, targets, {
    provenance: 'published',
    provenanceNote: NAME_ONLY,
  });

const components: Component[] = [
  competency(
    'co-learning',
    'co-learning',
    'co-creation-engagement',
    'Practitioner and partners learn from each other, treating partners’ knowledge of their context as expertise equal to implementation science.',
    [
      [
        'ask-partner-expertise',
        'Ask for partner expertise',
        'Asks partners what they know about their setting and how past efforts went, and records it.',
      ],
      [
        'share-learning-openly',
        'Share own learning openly',
        'Says what the practitioner has learned from partners and how it changes the approach.',
      ],
    ],
    ['capability'],
    ['practitioner-capability'],
  ),
  competency(
    'brokering',
    'brokering',
    'co-creation-engagement',
    'The practitioner connects partners with people, evidence and resources they would not otherwise reach.',
    [
      [
        'connect-people',
        'Connect people',
        'Introduces partners to peers, experts or agencies who can help with a specific need.',
      ],
      [
        'translate-evidence',
        'Translate evidence',
        'Summarizes research evidence in plain language for a decision partners face.',
      ],
    ],
    ['opportunity'],
    ['organizational-capacity', 'system-alignment'],
  ),
  competency(
    'addressing-power-differentials',
    'addressing power differentials',
    'co-creation-engagement',
    'The practitioner notices and reduces imbalances of power among partners and between partners and the support team.',
    [
      [
        'invite-unheard-voices',
        'Invite unheard voices',
        'Explicitly invites contributions from people with less power or who have not spoken.',
      ],
      [
        'name-power-dynamics',
        'Name power dynamics',
        'Names, tactfully, an imbalance of power observed in a meeting or decision.',
      ],
      [
        'share-decision-making',
        'Share decision making',
        'Sets up decision processes in which community members and front-line staff have a real say.',
      ],
    ],
    ['trust'],
    ['trusting-relationships'],
  ),
  competency(
    'co-design',
    'co-design',
    'co-creation-engagement',
    'The practitioner designs solutions with partners rather than for them.',
    [
      [
        'co-design-session',
        'Run a co-design session',
        'Facilitates a session in which partners generate and choose solutions.',
      ],
      [
        'prototype-with-partners',
        'Prototype with partners',
        'Builds a draft tool or process with partners and revises it on their feedback.',
      ],
    ],
    ['motivation'],
    ['stakeholder-engagement'],
  ),
  competency(
    'tailoring-support',
    'tailoring support',
    'co-creation-engagement',
    'The practitioner adjusts the type, intensity and timing of support to partners’ needs and capacity.',
    [
      [
        'adjust-support-plan',
        'Adjust the support plan',
        'Changes the content, frequency or intensity of support in response to partners’ needs.',
      ],
      [
        'offer-options',
        'Offer support options',
        'Offers partners a choice among forms of support and agrees one with them.',
      ],
    ],
    ['motivation'],
    ['stakeholder-engagement'],
  ),
  competency(
    'assessing-needs-and-assets',
    'assessing needs and assets',
    'ongoing-improvement',
    'The practitioner helps partners identify needs and the assets they can build on.',
    [
      [
        'needs-assessment',
        'Facilitate a needs assessment',
        'Guides partners through a structured assessment of needs.',
      ],
      ['asset-mapping', 'Map assets', 'Maps with partners the people, programs and resources they can build on.'],
    ],
    ['capability'],
    ['shared-understanding'],
  ),
  competency(
    'understanding-context',
    'understanding context',
    'ongoing-improvement',
    'The practitioner learns the history, culture, politics and systems in which partners work.',
    [
      ['learn-history', 'Learn the history', 'Asks about earlier initiatives, what happened to them and why.'],
      [
        'map-system',
        'Map the system',
        'Draws with partners the agencies, funding streams and policies that shape the work.',
      ],
    ],
    ['opportunity'],
    ['shared-understanding'],
  ),
  competency(
    'applying-frameworks',
    'applying and integrating implementation frameworks, strategies and approaches',
    'ongoing-improvement',
    'The practitioner selects and combines implementation frameworks, strategies and approaches that fit the task.',
    [
      [
        'select-framework',
        'Select a framework',
        'Proposes an implementation framework suited to the task and explains why.',
      ],
      [
        'select-strategies',
        'Select strategies',
        'Chooses implementation strategies with partners to address identified barriers.',
      ],
    ],
    ['capability'],
    ['practitioner-capability'],
  ),
  competency(
    'facilitation',
    'facilitation',
    'ongoing-improvement',
    'The practitioner structures group processes so that partners reach decisions and act on them.',
    [
      ['plan-meeting', 'Plan a meeting', 'Prepares an agenda with clear purposes and desired decisions.'],
      [
        'facilitate-decision',
        'Facilitate a decision',
        'Guides a group through options to a decision with assigned actions.',
      ],
    ],
    ['motivation'],
    ['stakeholder-engagement'],
  ),
  competency(
    'communication',
    'communication',
    'ongoing-improvement',
    'The practitioner communicates clearly, listens actively and adapts messages to audiences.',
    [
      [
        'listen-actively',
        'Listen actively',
        'Reflects back what partners said and checks it was understood correctly.',
      ],
      ['tailor-message', 'Tailor the message', 'Adapts a message’s content and format to a specific audience.'],
    ],
    ['trust'],
    ['trusting-relationships'],
  ),
  competency(
    'conducting-improvement-cycles',
    'conducting improvement cycles',
    'ongoing-improvement',
    'The practitioner guides partners through rapid cycles of testing and refining changes using data.',
    [
      ['run-cycle', 'Run an improvement cycle', 'Guides partners through plan-do-study-act for a specific change.'],
      ['review-data', 'Review data together', 'Reviews implementation data with partners and agrees the next change.'],
    ],
    ['capability'],
    ['implementation-quality'],
  ),
  competency(
    'growing-and-sustaining-relationships',
    'growing and sustaining relationships',
    'sustaining-change',
    'The practitioner builds and keeps trusting relationships with partners over time.',
    [
      ['check-in', 'Check in', 'Asks about partners’ priorities and pressures before turning to the agenda.'],
      ['follow-through', 'Follow through', 'Does what was promised by the agreed time.'],
    ],
    ['trust'],
    ['trusting-relationships'],
  ),
  competency(
    'developing-teams',
    'developing teams',
    'sustaining-change',
    'The practitioner helps partners form and strengthen implementation teams.',
    [
      ['form-team', 'Form a team', 'Helps partners decide team membership, roles and terms of reference.'],
      ['strengthen-team', 'Strengthen team routines', 'Helps a team set meeting, decision and communication routines.'],
    ],
    ['opportunity'],
    ['organizational-capacity'],
  ),
  competency(
    'building-capacity',
    'building capacity',
    'sustaining-change',
    'The practitioner builds partners’ knowledge, skills and infrastructure for implementation.',
    [
      [
        'teach-skill',
        'Teach a skill',
        'Teaches and demonstrates an implementation skill and has partners practise it.',
      ],
      ['coach-practice', 'Coach practice', 'Observes partners using a skill and gives specific feedback.'],
      [
        'build-infrastructure',
        'Build infrastructure',
        'Helps partners set up data systems, processes or policies implementation needs.',
      ],
    ],
    ['capability', 'opportunity'],
    ['practitioner-capability', 'organizational-capacity'],
  ),
  competency(
    'cultivating-leaders-and-champions',
    'cultivating leaders and champions',
    'sustaining-change',
    'The practitioner identifies and develops local leaders and champions who will carry the work.',
    [
      ['identify-champions', 'Identify champions', 'Identifies with partners people who can champion the work.'],
      ['develop-leaders', 'Develop leaders', 'Coaches local leaders to take over facilitation and advocacy.'],
    ],
    ['motivation'],
    ['sustained-change'],
  ),
];

const outcome = practiceOutcome;

const outcomes: Outcome[] = [
  outcome(
    'trusting-relationships',
    'trusting relationships',
    'immediate',
    ['individual', 'team'],
    'Partners and practitioner trust each other.',
  ),
  outcome(
    'stakeholder-engagement',
    'stakeholder engagement and ownership',
    'immediate',
    ['team', 'organization'],
    'Partners take part actively and own the work.',
  ),
  outcome(
    'shared-understanding',
    'shared understanding of needs and context',
    'immediate',
    ['team', 'organization'],
    'Partners and practitioner hold the same picture of needs, assets and context.',
  ),
  outcome(
    'practitioner-capability',
    'implementation capability',
    'short-term',
    ['individual', 'team'],
    'Partners have the knowledge and skills implementation requires.',
  ),
  outcome(
    'organizational-capacity',
    'organizational capacity and infrastructure',
    'short-term',
    ['organization'],
    'Teams, leadership, data systems and resources for implementation are in place.',
  ),
  outcome(
    'system-alignment',
    'system alignment',
    'short-term',
    ['system'],
    'Agencies and funding in the system are aligned behind the work.',
  ),
  outcome(
    'implementation-quality',
    'implementation quality',
    'long-term',
    ['organization', 'system'],
    'Programs are delivered as intended, with reach and quality.',
  ),
  outcome(
    'sustained-change',
    'sustained change',
    'long-term',
    ['organization', 'system'],
    'Improvements last after support ends.',
  ),
  outcome('population-benefit', 'population benefit', 'long-term', ['system'], 'The people served are better off.'),
];

/** One link per competency target, through its first mechanism that fits the target. */
const competencyLinks: Link[] = [
  linkVia(
    'co-learning',
    'capability',
    'practitioner-capability',
    'Learning from each other builds partners’ capability.',
  ),
  linkVia(
    'brokering',
    'opportunity',
    'organizational-capacity',
    'Connections to people and resources create opportunity for capacity.',
  ),
  linkVia(
    'brokering',
    'opportunity',
    'system-alignment',
    'Connections across agencies create opportunity for alignment.',
  ),
  linkVia(
    'addressing-power-differentials',
    'trust',
    'trusting-relationships',
    'Sharing power builds trust, especially with those who had least.',
  ),
  linkVia('co-design', 'motivation', 'stakeholder-engagement', 'People own and engage with what they designed.'),
  linkVia(
    'tailoring-support',
    'motivation',
    'stakeholder-engagement',
    'Support fitted to needs is worth engaging with.',
  ),
  linkVia(
    'assessing-needs-and-assets',
    'capability',
    'shared-understanding',
    'Assessing together gives both sides the same knowledge of needs and assets.',
  ),
  linkVia(
    'understanding-context',
    'opportunity',
    'shared-understanding',
    'Understanding the context reveals where opportunities and constraints lie.',
  ),
  linkVia(
    'applying-frameworks',
    'capability',
    'practitioner-capability',
    'Frameworks and strategies applied with partners become partners’ own tools.',
  ),
  linkVia('facilitation', 'motivation', 'stakeholder-engagement', 'Well-run group processes keep partners engaged.'),
  linkVia('communication', 'trust', 'trusting-relationships', 'Clear communication and active listening build trust.'),
  linkVia(
    'conducting-improvement-cycles',
    'capability',
    'implementation-quality',
    'Data-driven cycles of change improve implementation quality.',
  ),
  linkVia(
    'growing-and-sustaining-relationships',
    'trust',
    'trusting-relationships',
    'Relationships tended over time deepen trust.',
  ),
  linkVia(
    'developing-teams',
    'opportunity',
    'organizational-capacity',
    'Functioning teams are structural opportunity for implementation.',
  ),
  linkVia(
    'building-capacity',
    'capability',
    'practitioner-capability',
    'Teaching and coaching build knowledge and skills.',
  ),
  linkVia(
    'building-capacity',
    'opportunity',
    'organizational-capacity',
    'Infrastructure built with partners creates opportunity for implementation.',
  ),
  linkVia(
    'cultivating-leaders-and-champions',
    'motivation',
    'sustained-change',
    'Local leaders and champions keep motivation alive after support ends.',
  ),
];

const outcomeLinks: Link[] = [
  linkOutcomes('trusting-relationships', 'stakeholder-engagement', 'Partners engage with practitioners they trust.'),
  linkOutcomes('stakeholder-engagement', 'practitioner-capability', 'Engaged partners learn.'),
  linkOutcomes(
    'shared-understanding',
    'organizational-capacity',
    'Shared understanding directs investment in capacity.',
  ),
  linkOutcomes(
    'shared-understanding',
    'system-alignment',
    'A shared picture of needs enables alignment across agencies.',
  ),
  linkOutcomes('practitioner-capability', 'implementation-quality', 'Capable people implement well.'),
  linkOutcomes(
    'organizational-capacity',
    'implementation-quality',
    'Capacity and infrastructure enable quality implementation.',
  ),
  linkOutcomes('organizational-capacity', 'sustained-change', 'Capacity keeps change going after support ends.'),
  linkOutcomes('system-alignment', 'sustained-change', 'Aligned systems sustain change.'),
  linkOutcomes(
    'implementation-quality',
    'population-benefit',
    'Quality implementation produces benefit for the people served.',
  ),
  linkOutcomes('sustained-change', 'population-benefit', 'Lasting change keeps benefiting people.'),
];

const stage = (id: string, name: string, description: string, emphasizes: string[]): Stage => ({
  id,
  name,
  description,
  emphasizes,
  provenance: OPS,
  provenanceNote:
    'NIRN implementation stages (Active Implementation Frameworks); their use here and the emphasis are operationalized.',
});

const principle = (id: string, name: string, description: string, indicators: string[]) => ({
  id,
  name,
  description,
  indicators,
  provenance: 'published' as const,
  provenanceNote: 'Principle name published; description and indicators operationalized.',
});

export const ispProfile: PracticeModel = {
  id: 'isp-profile',
  version: '1.0.0',
  name: 'Implementation Support Practitioner Profile',
  citation:
    'Metz, A., Louison, L., Burke, K., Albers, B., & Ward, C. (2020). Implementation support practitioner profile: Guiding principles and core competencies for implementation practice. National Implementation Research Network, University of North Carolina at Chapel Hill.',
  description:
    'Fifteen core competencies of implementation support practitioners in three domains (co-creation and engagement, ongoing improvement, sustaining change), guided by six principles. ' +
    'Domain, competency and principle names are published; definitions, activities, stages, constructs (capability, opportunity, motivation and trust), outcomes and links are Praxis’s operationalization.',
  stages: [
    stage('exploration', 'exploration', 'Partners explore needs, fit and feasibility.', [
      'growing-and-sustaining-relationships',
      'assessing-needs-and-assets',
      'understanding-context',
      'co-learning',
    ]),
    stage('installation', 'installation', 'Partners build the resources and infrastructure implementation needs.', [
      'co-design',
      'developing-teams',
      'building-capacity',
      'brokering',
    ]),
    stage(
      'initial-implementation',
      'initial implementation',
      'Partners begin to implement and learn from early experience.',
      ['building-capacity', 'conducting-improvement-cycles', 'facilitation', 'tailoring-support'],
    ),
    stage('full-implementation', 'full implementation', 'Implementation becomes routine and is led locally.', [
      'cultivating-leaders-and-champions',
      'conducting-improvement-cycles',
      'communication',
    ]),
  ],
  componentGroups: [
    { id: 'co-creation-engagement', name: 'co-creation and engagement', provenance: 'published' },
    { id: 'ongoing-improvement', name: 'ongoing improvement', provenance: 'published' },
    { id: 'sustaining-change', name: 'sustaining change', provenance: 'published' },
  ],
  components,
  principles: [
    principle('be-empathetic', 'be empathetic', 'Understand and share partners’ feelings and experiences.', [
      'Partners’ feelings and pressures are acknowledged before tasks.',
      'Responses reflect partners’ perspective back accurately.',
    ]),
    principle('be-curious', 'be curious', 'Seek to understand before acting.', [
      'Open questions outnumber prescriptions.',
      'Assumptions are checked with partners.',
    ]),
    principle('be-committed', 'be committed', 'Stay with partners through difficulty toward shared goals.', [
      'Commitments are kept over time.',
      'Support continues through setbacks.',
    ]),
    principle('advance-equity', 'advance equity', 'Work so that implementation reduces inequities.', [
      'Data are examined by group.',
      'Communities served take part in decisions.',
    ]),
    principle(
      'use-critical-thinking',
      'use critical thinking',
      'Weigh evidence, context and options before deciding.',
      ['Evidence for and against options is discussed.', 'Decisions record their reasons.'],
    ),
    principle(
      'embrace-cross-disciplinary-approaches',
      'embrace cross-disciplinary approaches',
      'Draw on knowledge from many disciplines and sectors.',
      [
        'Expertise from more than one discipline or sector is involved.',
        'Methods from other fields are adapted to the task.',
      ],
    ),
  ],
  constructs: [
    {
      id: 'capability',
      name: 'capability',
      description: 'Psychological and physical capability to act (COM-B; Michie, van Stralen & West, 2011).',
      provenance: OPS,
    },
    {
      id: 'opportunity',
      name: 'opportunity',
      description: 'Social and physical opportunity to act (COM-B).',
      provenance: OPS,
    },
    {
      id: 'motivation',
      name: 'motivation',
      description: 'Reflective and automatic motivation to act (COM-B).',
      provenance: OPS,
    },
    {
      id: 'trust',
      name: 'trust',
      description: 'Confidence in the practitioner’s competence, integrity and goodwill (Metz et al., 2022).',
      provenance: OPS,
    },
  ],
  outcomes,
  links: [...competencyLinks, ...outcomeLinks],
};
