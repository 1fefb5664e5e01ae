import type { Component, Link, Outcome, PracticeModel } from '../schema.ts';
import { linkOutcomes, linkVia, practiceComponent, practiceOutcome } from './authoring.ts';

/**
 * The default practice model: the theory of change for external implementation support of
 * Aldridge, Roppolo, Brown, Bumbarger & Boothroyd (2023).
 *
 * Provenance follows the article's verifiable content: the stage names, the "foundational" and
 * "co-design" component groups, the tier × level structure of outcomes and the two outcomes the
 * abstract names (implementation capacity, implementation performance) are `published`; the component
 * names, definitions, activities, principle names, constructs chosen and every link are Praxis's
 * `operationalized` reading of that structure, replaceable by the published wording through model import.
 */

const OPS = 'operationalized' as const;

const components: Component[] = [
  practiceComponent(
    'relating',
    'Building and sustaining relationships',
    'foundational',
    'The practitioner builds and keeps a trusting, reciprocal working relationship with partners, in which roles are clear, commitments are kept and tensions are named and repaired.',
    [
      [
        'agree-roles',
        'Agree roles and expectations',
        'States and agrees with partners who does what in the support relationship, how often they meet and what each side can expect.',
      ],
      [
        'check-in',
        "Check in on partners' priorities and pressures",
        "Asks about and listens to partners' current priorities, pressures and concerns before moving to the agenda.",
      ],
      [
        'keep-commitments',
        'Keep and follow up commitments',
        'Does what was promised by the agreed time and follows up on open commitments from earlier contacts.',
      ],
      [
        'name-strengths',
        'Name strengths and progress',
        'Points out specific strengths, efforts and progress partners have made.',
      ],
      [
        'repair-tension',
        'Repair tension openly',
        'Names a disagreement, misunderstanding or strain in the relationship and works it through with partners.',
      ],
    ],
    ['trust', 'outcome-expectations'],
    ['trust-alliance', 'engagement'],
  ),
  practiceComponent(
    'assessing',
    'Assessing context, needs and capacity',
    'foundational',
    "The practitioner gathers and interprets, together with partners, information on the partners' context, needs, readiness and implementation capacity.",
    [
      [
        'review-data',
        'Review existing implementation data',
        'Reviews data partners already hold (reports, fidelity, reach, outcomes) to understand where implementation stands.',
      ],
      [
        'facilitate-assessment',
        'Facilitate a readiness or capacity assessment',
        'Guides partners through a structured readiness or capacity assessment.',
      ],
      [
        'map-context',
        'Map people, resources and initiatives',
        'Maps, with partners, the people, resources, and existing initiatives that bear on implementation.',
      ],
      [
        'interpret-results',
        'Feed results back and interpret them together',
        'Presents assessment results to partners and interprets them jointly, agreeing what they mean for next steps.',
      ],
    ],
    ['shared-understanding'],
    ['shared-understanding-of-needs', 'implementation-capacity'],
  ),
  practiceComponent(
    'co-designing',
    'Co-designing plans and infrastructure',
    'co-design',
    'The practitioner and partners jointly set goals and build the plan, teams, workflows and policies that implementation needs, with partners holding ownership of decisions.',
    [
      [
        'set-goals',
        'Facilitate shared goal setting',
        'Leads partners through agreeing specific, shared implementation goals.',
      ],
      [
        'co-write-plan',
        'Co-write the implementation plan (roles, timelines)',
        'Writes the implementation plan with partners, including roles and timelines.',
      ],
      [
        'co-create-infrastructure',
        'Co-create teams, workflows and policies',
        'Works with partners to form implementation teams and draft the workflows and policies implementation requires.',
      ],
      [
        'record-decisions',
        'Record joint decisions',
        'Writes down decisions made together and shares the record with partners.',
      ],
    ],
    ['self-regulation', 'collective-efficacy'],
    ['shared-understanding-of-needs', 'implementation-capacity'],
  ),
  practiceComponent(
    'tailoring',
    'Tailoring strategies to context',
    'co-design',
    "The practitioner fits implementation strategies and materials to the partners' assessed barriers, culture, language and existing initiatives while keeping the program's core components.",
    [
      [
        'match-strategies',
        'Match strategies to assessed barriers',
        'Selects implementation strategies that address the barriers the assessment identified.',
      ],
      [
        'adapt-materials',
        'Adapt materials to culture and language while keeping core program components',
        "Adapts materials to partners' culture and language without changing the program's core components.",
      ],
      [
        'align-initiatives',
        'Align with existing initiatives',
        "Connects the work to partners' existing initiatives so that efforts reinforce rather than compete.",
      ],
    ],
    ['outcome-expectations'],
    ['experience-of-support', 'shared-understanding-of-needs'],
  ),
  practiceComponent(
    'teaching',
    'Teaching and skill building',
    'capacity-building',
    'The practitioner builds partners’ implementation knowledge and skills through interactive instruction, demonstration and rehearsal.',
    [
      [
        'instruct',
        'Interactive instruction on implementation concepts and tools',
        'Teaches implementation concepts and tools interactively, with questions and examples from partners’ own work.',
      ],
      [
        'demonstrate',
        'Demonstrate (model) a skill',
        'Shows partners how to perform a skill so they can watch it done.',
      ],
      [
        'rehearse',
        'Rehearse with partners',
        'Has partners practice a skill in role play or rehearsal and supports them while they do.',
      ],
      [
        'provide-tools',
        'Provide tools and templates',
        'Gives partners tools and templates they can use in their own implementation work.',
      ],
      [
        'check-understanding',
        'Check understanding',
        'Asks partners to explain or apply what was taught to confirm they have understood it.',
      ],
    ],
    ['observational-learning', 'self-efficacy'],
    ['knowledge-skills', 'implementation-self-efficacy'],
  ),
  practiceComponent(
    'coaching',
    'Coaching for performance',
    'capacity-building',
    'The practitioner improves partners’ performance in their own setting by observing practice, giving specific feedback and supporting goal-directed practice.',
    [
      [
        'observe-practice',
        'Observe partner practice',
        'Watches partners carry out an implementation task in their setting, live or on record.',
      ],
      [
        'give-feedback',
        'Give specific feedback',
        'Tells partners specifically what went well and what to change, tied to what was observed.',
      ],
      ['guide-practice', 'Guided practice', 'Supports partners step by step while they perform the task themselves.'],
      [
        'set-next-goals',
        'Set next-step goals and self-monitoring',
        'Agrees next-step goals with partners and how they will monitor their own progress.',
      ],
      [
        'encourage',
        'Encourage',
        "Expresses confidence in partners' ability to succeed, pointing to evidence of their progress.",
      ],
    ],
    ['self-efficacy', 'self-regulation'],
    ['implementation-self-efficacy', 'knowledge-skills'],
  ),
  practiceComponent(
    'facilitating',
    'Facilitating teams and collaboration',
    'capacity-building',
    'The practitioner helps teams and agencies work together: structured meetings, shared problem solving and decisions, communication routines and coordination across agencies.',
    [
      [
        'run-meetings',
        'Prepare and run team meetings',
        'Prepares agendas and runs team meetings so that they end with decisions and assigned actions.',
      ],
      [
        'facilitate-problem-solving',
        'Facilitate group problem solving and decisions',
        'Guides a group through defining a problem, weighing options and reaching a decision.',
      ],
      [
        'set-communication',
        'Set communication routines',
        'Establishes with partners who communicates what, to whom and how often.',
      ],
      [
        'coordinate-agencies',
        'Coordinate across agencies',
        'Brings agencies together and coordinates their roles and actions toward shared implementation goals.',
      ],
    ],
    ['collective-efficacy'],
    ['team-functioning', 'coordination-alignment'],
  ),
  practiceComponent(
    'improving',
    'Using data for continuous improvement',
    'improvement',
    'The practitioner helps partners collect and use data to monitor implementation and improve it in short, deliberate cycles.',
    [
      [
        'set-up-data',
        'Set up data collection',
        'Helps partners set up the collection of implementation and outcome data.',
      ],
      [
        'review-data-with-team',
        'Review data with the team',
        'Reviews current data with the implementation team and asks what it shows.',
      ],
      [
        'run-pdsa',
        'Run plan-do-study-act cycles',
        'Guides partners through plan-do-study-act cycles to test and refine a change.',
      ],
      [
        'interpret-fidelity-reach',
        'Interpret fidelity and reach data',
        'Interprets fidelity and reach data with partners and agrees what to act on.',
      ],
      ['celebrate-gains', 'Celebrate gains', 'Marks and celebrates improvements the data show.'],
    ],
    ['self-regulation'],
    ['implementation-capacity', 'implementation-performance'],
  ),
  practiceComponent(
    'brokering',
    'Brokering knowledge, resources and connections',
    'improvement',
    'The practitioner connects partners with evidence, people, funding and learning communities that strengthen their implementation environment.',
    [
      [
        'share-evidence',
        'Share evidence summaries',
        'Shares concise summaries of research evidence relevant to a decision partners face.',
      ],
      [
        'connect-peers-experts',
        'Connect partners with peers and experts',
        'Introduces partners to peers or experts who can help with a specific need.',
      ],
      [
        'link-resources',
        'Link to funding and resources',
        'Points partners to funding and other resources and helps them access them.',
      ],
      [
        'convene-learning',
        'Convene learning communities',
        'Convenes and facilitates learning communities across sites or agencies.',
      ],
    ],
    ['environmental-supports'],
    ['implementation-capacity', 'coordination-alignment'],
  ),
  practiceComponent(
    'sustaining',
    'Developing leadership and sustainability',
    'sustainment',
    'The practitioner develops local leadership and the funding, policy and routines that let partners sustain implementation and regulate it themselves as support fades.',
    [
      [
        'cultivate-champions',
        'Cultivate champions and leaders',
        'Identifies and develops local champions and leaders to carry the work.',
      ],
      [
        'plan-sustainment',
        'Plan funding and policy for sustainment',
        'Plans with partners the funding and policy that will sustain implementation.',
      ],
      [
        'hand-over',
        'Hand facilitation over to local staff and fade support',
        'Transfers facilitation to local staff and reduces the frequency and intensity of support.',
      ],
      [
        'embed-routines',
        'Embed practices in routine',
        'Helps partners build the practices into routine operations, job descriptions and policies.',
      ],
    ],
    ['collective-efficacy', 'self-regulation'],
    ['implementation-capacity', 'sustainment-scale'],
  ),
];

const outcome = practiceOutcome;

const outcomes: Outcome[] = [
  outcome(
    'trust-alliance',
    'trust and working alliance',
    'immediate',
    ['individual', 'team'],
    'Partners trust the practitioner and agree on the tasks and goals of support.',
  ),
  outcome(
    'shared-understanding-of-needs',
    'shared understanding of needs and plan',
    'immediate',
    ['team', 'organization'],
    'Partners and practitioner hold the same picture of needs, readiness and the plan, and partners own the plan.',
  ),
  outcome(
    'engagement',
    'engagement in support',
    'immediate',
    ['individual', 'team'],
    'Partners take part actively and regularly in support.',
  ),
  outcome(
    'experience-of-support',
    'experience of support (acceptability, appropriateness, feasibility, accessibility, quality)',
    'immediate',
    ['individual'],
    'How partners experience support; the dimensions are those the companion partner-experience study measured.',
  ),
  outcome(
    'knowledge-skills',
    'implementation knowledge and skills',
    'short-term',
    ['individual'],
    'Partners know implementation concepts and tools and use the skills in their work.',
  ),
  outcome(
    'implementation-self-efficacy',
    'self-efficacy for implementation',
    'short-term',
    ['individual'],
    'Partners believe they can carry out implementation tasks well.',
  ),
  outcome(
    'team-functioning',
    'collective efficacy and team functioning',
    'short-term',
    ['team'],
    'Implementation teams work well together and believe they can succeed together.',
  ),
  outcome(
    'implementation-capacity',
    'implementation capacity and infrastructure',
    'short-term',
    ['organization'],
    'The organization has the leadership, teams, routines, data systems and resources that implementation needs.',
    'Implementation capacity is named in the article as an outcome; "and infrastructure" and the tier/level placement are operationalized.',
  ),
  outcome(
    'coordination-alignment',
    'coordination and alignment',
    'short-term',
    ['system'],
    'Agencies in the system coordinate their work and align initiatives, funding and policy.',
  ),
  outcome(
    'implementation-performance',
    'implementation performance (fidelity, reach, quality)',
    'long-term',
    ['organization', 'system'],
    'Programs are delivered with fidelity, reach the intended population and are of high quality.',
    'Implementation performance is named in the article as an outcome; the listed facets and the tier/level placement are operationalized.',
  ),
  outcome(
    'sustainment-scale',
    'sustainment and scale',
    'long-term',
    ['organization', 'system'],
    'Programs continue after support fades, are regulated locally and spread to new settings.',
  ),
  outcome(
    'population-outcomes',
    'population outcomes',
    'long-term',
    ['system'],
    'The health and wellbeing outcomes the programs aim at improve in the population served.',
  ),
];

// Each component row yields component → construct → outcome links; outcomes then lead forward.
const links: Link[] = [
  linkVia(
    'relating',
    'trust',
    'trust-alliance',
    'Relating works through trust and aims at trust and working alliance: kept commitments and openly repaired tension make the practitioner trustworthy.',
  ),
  linkVia(
    'relating',
    'outcome-expectations',
    'engagement',
    'Relating works through outcome expectations and aims at engagement: partners who expect support to pay off take part in it.',
  ),
  linkVia(
    'assessing',
    'shared-understanding',
    'shared-understanding-of-needs',
    'Assessing works through shared understanding and aims at shared understanding of needs: interpreting results together aligns both sides’ picture of needs.',
  ),
  linkVia(
    'assessing',
    'shared-understanding',
    'implementation-capacity',
    'Assessing aims at readiness: an agreed picture of readiness and capacity directs capacity building where it is needed.',
  ),
  linkVia(
    'co-designing',
    'self-regulation',
    'shared-understanding-of-needs',
    'Co-designing works through goal setting (self-regulation) and aims at plan ownership: partners own goals and plans they set themselves.',
  ),
  linkVia(
    'co-designing',
    'collective-efficacy',
    'implementation-capacity',
    'Co-designing works through collective efficacy and aims at implementation infrastructure: teams that build their own infrastructure believe they can run it.',
  ),
  linkVia(
    'tailoring',
    'outcome-expectations',
    'experience-of-support',
    'Tailoring works through outcome expectations and aims at fit (appropriateness): strategies matched to context are expected to work and are experienced as appropriate.',
  ),
  linkVia(
    'tailoring',
    'outcome-expectations',
    'shared-understanding-of-needs',
    'Tailoring aims at plan quality: a plan fitted to assessed barriers is one partners understand and expect to succeed.',
  ),
  linkVia(
    'teaching',
    'observational-learning',
    'knowledge-skills',
    'Teaching works through observational learning and aims at knowledge and skills: partners learn skills they see demonstrated and rehearse.',
  ),
  linkVia(
    'teaching',
    'self-efficacy',
    'implementation-self-efficacy',
    'Teaching works through mastery (a source of self-efficacy) and aims at self-efficacy: successful rehearsal builds belief in one’s capability.',
  ),
  linkVia(
    'coaching',
    'self-efficacy',
    'implementation-self-efficacy',
    'Coaching works through mastery and verbal persuasion (sources of self-efficacy) and aims at self-efficacy.',
  ),
  linkVia(
    'coaching',
    'self-regulation',
    'knowledge-skills',
    'Coaching works through self-regulation (goals, self-monitoring, feedback) and aims at skill use in partners’ own setting.',
  ),
  linkVia(
    'facilitating',
    'collective-efficacy',
    'team-functioning',
    'Facilitating works through collective efficacy and aims at team functioning: teams that solve problems together come to believe they can succeed together.',
  ),
  linkVia(
    'facilitating',
    'collective-efficacy',
    'coordination-alignment',
    'Facilitating aims at cross-agency coordination: shared decisions and routines across agencies build joint efficacy and coordination.',
  ),
  linkVia(
    'improving',
    'self-regulation',
    'implementation-capacity',
    'Improving works through self-regulation (monitoring, feedback) and aims at data-use routines, part of implementation infrastructure.',
  ),
  linkVia(
    'improving',
    'self-regulation',
    'implementation-performance',
    'Improving aims at fidelity and reach: monitoring and feedback cycles correct drift and widen reach.',
  ),
  linkVia(
    'brokering',
    'environmental-supports',
    'implementation-capacity',
    'Brokering works through environmental supports and aims at access to resources: evidence, funding and expertise strengthen capacity.',
  ),
  linkVia(
    'brokering',
    'environmental-supports',
    'coordination-alignment',
    'Brokering aims at networks: connections among peers, experts and agencies support coordination across the system.',
  ),
  linkVia(
    'sustaining',
    'collective-efficacy',
    'implementation-capacity',
    'Sustaining works through collective efficacy and aims at leadership capacity: local champions and leaders carry implementation.',
  ),
  linkVia(
    'sustaining',
    'self-regulation',
    'sustainment-scale',
    'Sustaining works through self-regulation and aims at sustainment and local regulation: partners who monitor and steer their own work sustain it as support fades.',
  ),

  linkOutcomes('trust-alliance', 'engagement', 'Partners who trust the practitioner engage in support.'),
  linkOutcomes(
    'experience-of-support',
    'engagement',
    'Support that is acceptable, appropriate, feasible and accessible keeps partners engaged.',
  ),
  linkOutcomes('engagement', 'knowledge-skills', 'Partners who take part in support learn from it.'),
  linkOutcomes('engagement', 'team-functioning', 'Teams that take part in support together practise working together.'),
  linkOutcomes(
    'trust-alliance',
    'team-functioning',
    'A working alliance with the team is the ground on which team functioning is built.',
  ),
  linkOutcomes(
    'shared-understanding-of-needs',
    'team-functioning',
    'Teams that share an understanding of needs and plan pull in one direction.',
  ),
  linkOutcomes(
    'shared-understanding-of-needs',
    'implementation-capacity',
    'An owned plan directs the organization’s investment in capacity and infrastructure.',
  ),
  linkOutcomes(
    'shared-understanding-of-needs',
    'coordination-alignment',
    'Organizations that understand needs and plans alike can align across the system.',
  ),
  linkOutcomes(
    'knowledge-skills',
    'implementation-self-efficacy',
    'Mastered knowledge and skills raise confidence in using them.',
  ),
  linkOutcomes('implementation-self-efficacy', 'team-functioning', 'Confident members contribute more to their teams.'),
  linkOutcomes(
    'team-functioning',
    'implementation-capacity',
    'Functioning implementation teams are a core part of organizational capacity.',
  ),
  linkOutcomes(
    'knowledge-skills',
    'implementation-performance',
    'Skilled practitioners deliver programs with fidelity and quality.',
  ),
  linkOutcomes(
    'implementation-capacity',
    'implementation-performance',
    'Capacity and infrastructure enable faithful, wide-reaching, high-quality delivery.',
  ),
  linkOutcomes(
    'implementation-capacity',
    'sustainment-scale',
    'Organizations with capacity and infrastructure sustain programs once support fades.',
  ),
  linkOutcomes(
    'coordination-alignment',
    'implementation-performance',
    'Aligned agencies reach more of the population with fewer gaps.',
  ),
  linkOutcomes(
    'coordination-alignment',
    'sustainment-scale',
    'Coordinated systems sustain and scale programs across settings.',
  ),
  linkOutcomes(
    'implementation-performance',
    'population-outcomes',
    'Programs delivered with fidelity and reach produce their intended population outcomes.',
  ),
  linkOutcomes(
    'sustainment-scale',
    'population-outcomes',
    'Sustained and scaled programs keep producing population outcomes over time.',
  ),
];

export const eisToc: PracticeModel = {
  id: 'eis-toc',
  version: '1.0.0',
  name: 'EIS theory of change',
  citation:
    'Aldridge, W. A., II, Roppolo, R. H., Brown, J., Bumbarger, B. K., & Boothroyd, R. I. (2023). Mechanisms of change in external implementation support: A conceptual model and case examples to guide research and practice. Implementation Research and Practice, 4. https://doi.org/10.1177/26334895231179761',
  description:
    'Ten core practice components (CPCs), governed by eight practice principles and social cognitive theory, with hypothesized links to immediate, short-term and long-term outcomes at individual, team, organization and system levels; support runs through four sequential stages while staying dynamic and responsive. ' +
    'The structure is published (10 CPCs, 8 principles, the "foundational" and "co-design" groups, social cognitive theory, outcome tiers and levels, the four stage names, implementation capacity and performance as outcomes). ' +
    'Component names, definitions and activities, principle names, the constructs chosen and every link are Praxis’s operationalization of that structure, drawn from the wider EIS literature; each element says which it is, and an organization can replace them with the published wording by importing a new version.',
  stages: [
    {
      id: 'readiness-exploration',
      name: 'readiness and exploration',
      description:
        'Partners and practitioner get to know each other, explore needs and fit, and judge readiness to proceed.',
      emphasizes: ['relating', 'assessing', 'co-designing'],
      typicalComponents: [
        { component: 'relating', minutesPerMonth: 240, provenance: OPS },
        { component: 'assessing', minutesPerMonth: 180, provenance: OPS },
        { component: 'co-designing', minutesPerMonth: 60, provenance: OPS },
      ],
      exitCriteria: [
        {
          id: 'agreement',
          description: 'A written support agreement names roles, contact rhythm and what each side can expect.',
          provenance: OPS,
        },
        {
          id: 'needs-assessed',
          description: 'Needs, capacity and readiness have been assessed and the results discussed with the partner.',
          provenance: OPS,
        },
        {
          id: 'go-decision',
          description: 'The partner has decided, with its leaders, to proceed with implementation.',
          provenance: OPS,
        },
      ],
      provenance: 'published',
      provenanceNote:
        'Stage name published; description, emphasized and typical components and exit criteria operationalized (a hypothesis).',
    },
    {
      id: 'capacity-development',
      name: 'capacity development',
      description: 'Partners build the plans, teams, infrastructure, knowledge and skills that implementation needs.',
      emphasizes: ['co-designing', 'tailoring', 'teaching', 'facilitating'],
      typicalComponents: [
        { component: 'co-designing', minutesPerMonth: 120, provenance: OPS },
        { component: 'tailoring', minutesPerMonth: 90, provenance: OPS },
        { component: 'teaching', minutesPerMonth: 150, provenance: OPS },
        { component: 'facilitating', minutesPerMonth: 120, provenance: OPS },
      ],
      exitCriteria: [
        {
          id: 'plan-written',
          description: 'An implementation plan with roles, timelines and measures is written and owned by the partner.',
          provenance: OPS,
        },
        { id: 'team-formed', description: 'An implementation team meets on a regular rhythm.', provenance: OPS },
        {
          id: 'skills-in-place',
          description: 'The people who will deliver have been trained and rehearsed the core skills.',
          provenance: OPS,
        },
      ],
      provenance: 'published',
      provenanceNote:
        'Stage name published; description, emphasized and typical components and exit criteria operationalized (a hypothesis).',
    },
    {
      id: 'supported-performance',
      name: 'supported performance',
      description:
        'Partners implement while the practitioner coaches, uses data for improvement and brokers what is missing.',
      emphasizes: ['coaching', 'improving', 'facilitating', 'brokering'],
      typicalComponents: [
        { component: 'coaching', minutesPerMonth: 180, provenance: OPS },
        { component: 'improving', minutesPerMonth: 120, provenance: OPS },
        { component: 'facilitating', minutesPerMonth: 90, provenance: OPS },
        { component: 'brokering', minutesPerMonth: 60, provenance: OPS },
      ],
      exitCriteria: [
        {
          id: 'data-routine',
          description: 'The team reviews fidelity and reach data on a regular rhythm and acts on it.',
          provenance: OPS,
        },
        { id: 'performance-met', description: 'Fidelity and reach meet the levels the plan set.', provenance: OPS },
      ],
      provenance: 'published',
      provenanceNote:
        'Stage name published; description, emphasized and typical components and exit criteria operationalized (a hypothesis).',
    },
    {
      id: 'local-regulation',
      name: 'local regulation',
      description: 'Partners lead and regulate implementation themselves; support fades and is handed over.',
      emphasizes: ['sustaining', 'improving', 'brokering'],
      typicalComponents: [
        { component: 'sustaining', minutesPerMonth: 120, provenance: OPS },
        { component: 'improving', minutesPerMonth: 60, provenance: OPS },
        { component: 'brokering', minutesPerMonth: 30, provenance: OPS },
      ],
      exitCriteria: [
        {
          id: 'local-lead',
          description: 'Local staff lead the implementation team and its improvement cycles.',
          provenance: OPS,
        },
        { id: 'sustainment-plan', description: 'Funding and policy for sustainment are agreed.', provenance: OPS },
        {
          id: 'support-faded',
          description: 'Contact has faded to the rhythm agreed for the end of support.',
          provenance: OPS,
        },
      ],
      provenance: 'published',
      provenanceNote:
        'Stage name published; description, emphasized and typical components and exit criteria operationalized (a hypothesis).',
    },
  ],
  componentGroups: [
    {
      id: 'foundational',
      name: 'foundational',
      description: 'Components that lay the relational and informational ground for all other support.',
      provenance: 'published',
      provenanceNote: 'Group name published; description operationalized.',
    },
    {
      id: 'co-design',
      name: 'co-design',
      description: 'Components through which partners and practitioner shape plans and strategies together.',
      provenance: 'published',
      provenanceNote: 'Group name published; description operationalized.',
    },
    {
      id: 'capacity-building',
      name: 'capacity-building',
      description: 'Components that build knowledge, skills and collaboration.',
      provenance: OPS,
    },
    {
      id: 'improvement',
      name: 'improvement',
      description: 'Components that bring data, evidence and resources to bear on implementation.',
      provenance: OPS,
    },
    {
      id: 'sustainment',
      name: 'sustainment',
      description: 'Components that prepare partners to sustain and regulate implementation themselves.',
      provenance: OPS,
    },
  ],
  components,
  principles: [
    {
      id: 'relationship-centered',
      name: 'relationship-centered',
      description:
        'Support is carried by a trusting, reciprocal relationship; the relationship is tended as deliberately as the task.',
      indicators: [
        'Time is given to check-ins and to the relationship, not only to the agenda.',
        'Commitments are kept and tensions are raised and repaired openly.',
      ],
      provenance: OPS,
    },
    {
      id: 'co-creative',
      name: 'co-creative (shared power and ownership)',
      description: 'Decisions are made with partners, who hold power and ownership over their plans and their work.',
      indicators: [
        'Partners set goals and make the decisions; the practitioner facilitates.',
        'Plans and products are drafted jointly and attributed to partners.',
      ],
      provenance: OPS,
    },
    {
      id: 'strengths-based',
      name: 'strengths-based',
      description: "Support starts from and builds on partners' existing strengths, assets and progress.",
      indicators: [
        'Specific strengths and progress are named.',
        'Existing assets and initiatives are used before new ones are added.',
      ],
      provenance: OPS,
    },
    {
      id: 'equity-advancing',
      name: 'equity-advancing',
      description: 'Support attends to who benefits and who is left out, and works to reduce inequities.',
      indicators: [
        'Data are broken down by groups that may be underserved.',
        'People with lived experience and communities served take part in decisions.',
      ],
      provenance: OPS,
    },
    {
      id: 'context-responsive',
      name: 'context-responsive',
      description:
        "Support adapts to partners' changing context, culture and needs, blending and re-ordering components as needed.",
      indicators: [
        'The agenda is adjusted to what partners report.',
        'Strategies and materials are adapted to culture, language and setting.',
      ],
      provenance: OPS,
    },
    {
      id: 'data-informed',
      name: 'data-informed',
      description: 'Decisions in support are grounded in data and evidence, reviewed together with partners.',
      indicators: [
        'Data or evidence are reviewed when decisions are made.',
        'Changes are tested and their results checked.',
      ],
      provenance: OPS,
    },
    {
      id: 'capacity-over-dependency',
      name: "capacity over dependency (aim for partners' self-sufficiency)",
      description:
        "Support aims at partners' self-sufficiency: it builds local capacity rather than doing the work for partners.",
      indicators: [
        'Partners perform tasks themselves with support, rather than watching them done.',
        'Facilitation is handed over and support fades as capacity grows.',
      ],
      provenance: OPS,
    },
    {
      id: 'systems-minded',
      name: 'systems-minded (work across levels)',
      description:
        'Support works across individual, team, organization and system levels and attends to how they affect one another.',
      indicators: [
        'Participants from more than one level are involved.',
        'Actions at one level are connected to their effects on other levels.',
      ],
      provenance: OPS,
    },
  ],
  constructs: [
    {
      id: 'self-efficacy',
      name: 'self-efficacy',
      description:
        'Belief in one’s capability to carry out a task, built through mastery experiences, observational learning, verbal persuasion and physiological states (Bandura).',
      provenance: OPS,
      provenanceNote:
        'Social cognitive theory construct (published as the model’s theory); its selection and wording here are operationalized.',
    },
    {
      id: 'collective-efficacy',
      name: 'collective efficacy',
      description:
        'A group’s shared belief in its joint capability to organize and carry out the actions implementation requires.',
      provenance: OPS,
    },
    {
      id: 'outcome-expectations',
      name: 'outcome expectations',
      description: 'Beliefs about the consequences of an action: whether implementation and support will pay off.',
      provenance: OPS,
    },
    {
      id: 'observational-learning',
      name: 'observational learning (modeling)',
      description: 'Learning by watching others perform a behavior and its consequences.',
      provenance: OPS,
    },
    {
      id: 'self-regulation',
      name: 'self-regulation (goal setting, self-monitoring, feedback)',
      description: 'Directing one’s own behavior by setting goals, monitoring progress and responding to feedback.',
      provenance: OPS,
    },
    {
      id: 'environmental-supports',
      name: 'environmental supports and barriers (reciprocal determinism)',
      description: 'Resources, connections and barriers in the environment, which shape behavior and are shaped by it.',
      provenance: OPS,
    },
    {
      id: 'trust',
      name: 'trust (relational precondition)',
      description:
        'Partners’ confidence in the practitioner’s competence, integrity and goodwill, which opens them to influence.',
      provenance: OPS,
    },
    {
      id: 'shared-understanding',
      name: 'shared understanding',
      description:
        'A common picture, held by partners and practitioner, of the situation, needs and what to do; a relational precondition alongside trust, not an SCT construct.',
      provenance: OPS,
    },
  ],
  outcomes,
  links,
};
