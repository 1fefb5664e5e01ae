import { csvLine } from '../domain/csv.ts';
import type { ImportMappingInput } from '../domain/support/import-mapping.ts';
import type { InteractionMode } from '../domain/support/schemas.ts';
import { createRandom } from './random.ts';

/**
 * Synthetic trackers of support interactions, as teams keep them outside Praxis (docs/import-mapping.md):
 * a Qualtrics survey export (three header rows, Qualtrics' own columns, minutes per component, activities
 * as a multi-select question, principle ratings, embedded data) and a spreadsheet with one column per
 * activity. Every value is made up from a fixed seed: the same seed gives the same files everywhere.
 */

/** The components of the default model, with the question labels a team would write. */
const components = [
  ['relating', 'Relationships'],
  ['assessing', 'Assessment'],
  ['co-designing', 'Co-design'],
  ['tailoring', 'Tailoring'],
  ['teaching', 'Teaching'],
  ['coaching', 'Coaching'],
  ['facilitating', 'Facilitation'],
  ['improving', 'Data use'],
  ['brokering', 'Brokering'],
  ['sustaining', 'Sustainability'],
] as const;

/** Activities a team chose to track, as the survey's choice texts (some hold commas, as real ones do). */
const activities = [
  ['relating/agree-roles', 'Agree roles and expectations'],
  ['relating/check-in', 'Check in on priorities'],
  ['assessing/review-data', 'Review existing data'],
  ['assessing/map-context', 'Map people, resources and initiatives'],
  ['co-designing/set-goals', 'Set shared goals'],
  ['co-designing/co-write-plan', 'Co-write the plan (roles, timelines)'],
  ['teaching/instruct', 'Interactive instruction'],
  ['coaching/give-feedback', 'Give feedback'],
  ['facilitating/run-meetings', 'Run team meetings'],
  ['improving/run-pdsa', 'Run a PDSA cycle'],
  ['brokering/share-evidence', 'Share evidence'],
  ['sustaining/plan-sustainment', 'Plan for sustainment'],
] as const;

const principles = [
  'relationship-centered',
  'co-creative',
  'strengths-based',
  'equity-advancing',
  'context-responsive',
  'data-informed',
  'capacity-over-dependency',
  'systems-minded',
] as const;

const ratingWords = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
const modeWords: Record<InteractionMode, string> = {
  'in-person': 'In person',
  video: 'Video call',
  phone: 'Phone call',
  email: 'Email',
  other: 'Other',
};
const modes = ['video', 'phone', 'in-person', 'email'] as const;
const stages = [
  ['readiness-exploration', 'Exploration'],
  ['capacity-development', 'Installation'],
  ['supported-performance', 'Initial implementation'],
  ['local-regulation', 'Full implementation'],
] as const;
const noteWords = ['Reviewed', 'Agreed', 'Planned', 'Discussed', 'Followed up on', 'Drafted'];
const noteTopics = ['the fidelity data', 'roles, timelines and owners', 'the next training', 'the referral pathway'];

/** One interaction as a tracker holds it. */
export interface TrackedInteraction {
  /** Index into the site names given to the writers. */
  site: number;
  date: string;
  time: string;
  mode: (typeof modes)[number];
  stage: number;
  /** Whole minutes: at least the components' minutes, sometimes a little more. */
  duration: number;
  /** Minutes per component (index into `components`), 0 when not used. */
  minutes: number[];
  /** Indexes into `activities`, only of components with minutes. */
  activities: number[];
  /** Rating 1–5 per principle, 0 when not rated. */
  ratings: number[];
  individuals: number;
  teams: number;
  notes: string;
  nextSteps: string[];
  /** Qualtrics: the response was finished (unfinished ones are not interactions). */
  finished: boolean;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const isoDay = (start: string, days: number): string => {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * `count` interactions over `sites` sites, from `start` over about five years. Each site's interactions
 * fall on distinct date-and-hour slots, so no two are the same interaction.
 */
export function trackedInteractions(options: {
  seed: number;
  count: number;
  sites: number;
  start?: string;
  /** Days the interactions spread over (about five years unless given). */
  days?: number;
  unfinishedShare?: number;
}): TrackedInteraction[] {
  const random = createRandom(options.seed);
  const start = options.start ?? '2020-02-03';
  const perSite = Math.ceil(options.count / options.sites);
  const totalDays = options.days ?? 5 * 365;
  const dayStep = Math.max(1, Math.floor(totalDays / Math.ceil(perSite / 8)));
  const out: TrackedInteraction[] = [];
  for (let i = 0; i < options.count; i++) {
    const site = i % options.sites;
    const k = Math.floor(i / options.sites);
    const dayIndex = Math.floor(k / 8) * dayStep + (dayStep > 1 ? random.int(0, dayStep - 1) : 0);
    const used = random.sample(
      components.map((_, c) => c),
      random.int(1, 3),
    );
    const minutes = components.map((_, c) => (used.includes(c) ? 5 * random.int(1, 8) : 0));
    const total = minutes.reduce((a, b) => a + b, 0);
    const chosen = activities
      .map((_, a) => a)
      .filter((a) => {
        const component = components.findIndex(([id]) => id === activities[a]![0].split('/')[0]);
        return minutes[component]! > 0 && random.chance(0.6);
      });
    out.push({
      site,
      date: isoDay(start, dayIndex),
      time: `${pad2(8 + (k % 8))}:${pad2(random.pick([0, 15, 30, 45]))}`,
      mode: random.pick(modes),
      duration: total + (random.chance(0.3) ? 10 : 0),
      stage: Math.min(3, Math.floor((dayIndex / totalDays) * 4)),
      minutes,
      activities: chosen,
      ratings: principles.map(() => (random.chance(0.3) ? random.int(2, 5) : 0)),
      individuals: random.int(1, 6),
      teams: random.chance(0.4) ? 1 : 0,
      notes: random.chance(0.7) ? `${random.pick(noteWords)} ${random.pick(noteTopics)}.` : '',
      nextSteps: random.chance(0.3)
        ? [`Send the summary`, ...(random.chance(0.5) ? ['Book the next meeting'] : [])]
        : [],
      finished: !random.chance(options.unfinishedShare ?? 0),
    });
  }
  return out;
}

const qualtricsStandard = [
  ['StartDate', 'Start Date', 'startDate'],
  ['EndDate', 'End Date', 'endDate'],
  ['Status', 'Response Type', 'status'],
  ['IPAddress', 'IP Address', 'ipAddress'],
  ['Progress', 'Progress', 'progress'],
  ['Duration (in seconds)', 'Duration (in seconds)', 'duration'],
  ['Finished', 'Finished', 'finished'],
  ['RecordedDate', 'Recorded Date', 'recordedDate'],
  ['ResponseId', 'Response ID', '_recordId'],
  ['RecipientLastName', 'Recipient Last Name', 'recipientLastName'],
  ['RecipientFirstName', 'Recipient First Name', 'recipientFirstName'],
  ['RecipientEmail', 'Recipient Email', 'recipientEmail'],
  ['ExternalReference', 'External Data Reference', 'externalDataReference'],
  ['DistributionChannel', 'Distribution Channel', 'distributionChannel'],
  ['UserLanguage', 'User Language', 'userLanguage'],
] as const;

/** The Qualtrics export's three header rows and one row per response. */
export function qualtricsTrackerRows(
  interactions: readonly TrackedInteraction[],
  siteNames: readonly string[],
): string[][] {
  const importId = (id: string, extra = '') => `{"ImportId":"${id}"${extra}}`;
  const header: [string, string, string][] = [
    ...qualtricsStandard.map(
      ([id, text, imp]) =>
        [id, text, importId(imp, id.endsWith('Date') ? ',"timeZone":"America/New_York"' : '')] as [
          string,
          string,
          string,
        ],
    ),
    ['Q1', 'Which site was this contact with?', importId('QID1')],
    ['Q2', 'Date of the contact (MM/DD/YYYY)', importId('QID2_TEXT')],
    ['Q3', 'Start time', importId('QID3_TEXT')],
    ['Q4', 'How did you meet?', importId('QID4')],
    ['Q5', 'Length of the contact in minutes', importId('QID5_TEXT')],
    ...components.map(
      ([, label], c) =>
        [`Q6_${c + 1}`, `Minutes spent in each practice component - ${label}`, importId(`QID6_${c + 1}`)] as [
          string,
          string,
          string,
        ],
    ),
    ['Q7', 'Which activities did you use? (select all that apply) - Selected Choice', importId('QID7')],
    ...principles.map(
      (p, i) =>
        [`Q8_${i + 1}`, `This contact was ${p.replace(/-/g, ' ')} - Rating`, importId(`QID8_${i + 1}`)] as [
          string,
          string,
          string,
        ],
    ),
    ['Q9', 'How many individuals took part?', importId('QID9_TEXT')],
    ['Q10', 'How many teams took part?', importId('QID10_TEXT')],
    ['Q11', 'Notes', importId('QID11_TEXT')],
    ['Q12', 'Next steps (one per line)', importId('QID12_TEXT')],
    ['ISP', 'ISP', importId('ISP')],
    ['Stage', 'Stage', importId('Stage')],
  ];
  const rows: string[][] = [header.map((h) => h[0]), header.map((h) => h[1]), header.map((h) => h[2])];
  interactions.forEach((t, i) => {
    const [y, m, d] = t.date.split('-').map(Number) as [number, number, number];
    const hour = Number(t.time.slice(0, 2));
    const recorded = `${t.date} ${pad2(Math.min(23, hour + 2))}:${t.time.slice(3)}:${pad2(i % 60)}`;
    const h12 = hour % 12 === 0 ? 12 : hour % 12;
    rows.push([
      recorded,
      recorded,
      'IP Address',
      '',
      t.finished ? '100' : '40',
      String(120 + (i % 300)),
      t.finished ? 'True' : 'False',
      recorded,
      `R_${(i + 1).toString(36).padStart(15, '0')}`,
      '',
      '',
      '',
      '',
      'anonymous',
      'EN',
      siteNames[t.site]!,
      `${pad2(m)}/${pad2(d)}/${y}`,
      `${h12}:${t.time.slice(3)} ${hour < 12 ? 'AM' : 'PM'}`,
      modeWords[t.mode],
      String(t.duration),
      ...t.minutes.map((n) => (n === 0 ? '' : String(n))),
      t.activities.map((a) => activities[a]![1]).join(','),
      ...t.ratings.map((r) => (r === 0 ? '' : ratingWords[r - 1]!)),
      String(t.individuals),
      t.teams === 0 ? '' : String(t.teams),
      t.notes,
      t.nextSteps.join('\n'),
      'Practitioner A',
      stages[t.stage]![1],
    ]);
  });
  return rows;
}

/** The Qualtrics export as CSV text (UTF-8 with a byte-order mark, CRLF, as Qualtrics writes it). */
export function qualtricsTrackerCsv(interactions: readonly TrackedInteraction[], siteNames: readonly string[]): string {
  return `\uFEFF${qualtricsTrackerRows(interactions, siteNames)
    .map((row) => csvLine(row))
    .join('\r\n')}\r\n`;
}

/** The mapping that reads the Qualtrics tracker; `sites` maps its site names to engagement names or ids. */
export function qualtricsTrackerMapping(sites: Record<string, string> = {}): ImportMappingInput {
  return {
    format: 'praxis-import-mapping',
    version: 1,
    name: 'Qualtrics contact log',
    source: 'qualtrics',
    include: { column: 'Finished', values: ['True', '1'] },
    engagement: { column: 'Q1', by: 'name', names: sites },
    date: { column: 'Q2', format: 'MM/dd/yyyy' },
    time: { column: 'Q3', format: 'h:mm a' },
    duration: { column: 'Q5', unit: 'minutes' },
    mode: {
      column: 'Q4',
      values: Object.fromEntries(Object.entries(modeWords).map(([mode, words]) => [words, mode])) as Record<
        string,
        InteractionMode
      >,
    },
    stage: { column: 'Stage', values: Object.fromEntries(stages.map(([id, words]) => [words, id])) },
    components: { columns: Object.fromEntries(components.map(([id], c) => [id, `Q6_${c + 1}`])) },
    activities: [
      { column: 'Q7', delimiter: ',', values: Object.fromEntries(activities.map(([id, text]) => [text, id])) },
    ],
    principles: principles.map((principle, i) => ({ column: `Q8_${i + 1}`, principle, rated: true })),
    ratings: Object.fromEntries(ratingWords.map((words, i) => [words, i + 1])),
    participants: { individual: 'Q9', team: 'Q10' },
    notes: ['Q11'],
    nextSteps: { column: 'Q12', delimiter: '\n' },
  };
}

/** A spreadsheet tracker: one row per contact, minutes per component, an `x` column per activity. */
export function activitySheetRows(
  interactions: readonly TrackedInteraction[],
  siteNames: readonly string[],
): (string | number)[][] {
  const header = [
    'Site',
    'Date',
    'Contact',
    'Total minutes',
    ...components.map(([, label]) => `${label} (min)`),
    ...activities.map(([, text]) => text),
    'Notes',
  ];
  return [
    header,
    ...interactions.map((t) => {
      const [y, m, d] = t.date.split('-');
      return [
        siteNames[t.site]!,
        `${Number(d)}/${Number(m)}/${y}`,
        modeWords[t.mode],
        t.duration,
        ...t.minutes.map((n) => (n === 0 ? '' : n)),
        ...activities.map((_, a) => (t.activities.includes(a) ? 'x' : '')),
        t.notes,
      ];
    }),
  ];
}

/** The mapping of the activity spreadsheet (dates written day/month/year). */
export function activitySheetMapping(sites: Record<string, string> = {}): ImportMappingInput {
  return {
    format: 'praxis-import-mapping',
    version: 1,
    name: 'Spreadsheet tracker',
    source: 'table',
    engagement: { column: 'Site', by: 'name', names: sites },
    date: { column: 'Date', format: 'd/M/yyyy' },
    duration: { column: 'Total minutes' },
    mode: {
      column: 'Contact',
      values: Object.fromEntries(Object.entries(modeWords).map(([mode, words]) => [words, mode])) as Record<
        string,
        InteractionMode
      >,
    },
    components: { columns: Object.fromEntries(components.map(([id, label]) => [id, `${label} (min)`])) },
    activities: activities.map(([activity, text]) => ({ column: text, activity })),
    notes: ['Notes'],
  };
}

/** The same interactions in Praxis's long layout (docs/import-formats.md), for comparing imports. */
export function nativeLongCsv(interactions: readonly TrackedInteraction[], engagementIds: readonly string[]): string {
  const lines = [
    'interaction_key,engagement_id,date,time,duration_minutes,mode,stage_id,component_id,component_minutes,activity_ids,principle_ids,participant_counts,notes',
  ];
  interactions.forEach((t, i) => {
    if (!t.finished) return;
    const principleIds = t.ratings
      .map((r, p) => (r === 0 ? '' : `${principles[p]}:${r}`))
      .filter((x) => x !== '')
      .join(';');
    const counts = [`individual=${t.individuals}`, ...(t.teams > 0 ? [`team=${t.teams}`] : [])].join(';');
    t.minutes.forEach((n, c) => {
      if (n === 0) return;
      const id = components[c]![0];
      const acts = t.activities
        .filter((a) => activities[a]![0].startsWith(`${id}/`))
        .map((a) => activities[a]![0].split('/')[1])
        .join(';');
      lines.push(
        csvLine([
          `k${i}`,
          engagementIds[t.site]!,
          t.date,
          t.time,
          String(t.duration),
          t.mode,
          stages[t.stage]![0],
          id,
          String(n),
          acts,
          principleIds,
          counts,
          t.notes,
        ]),
      );
    });
  });
  return `${lines.join('\n')}\n`;
}
