import type { Interaction, InteractionInput, InteractionMode, Level } from '../../domain/support/schemas.ts';
import { levels } from '../../domain/support/schemas.ts';
import type { EngagementOverview } from '../../domain/support/views.ts';
import { fieldWords, plainMessage } from '../forms/plain-message.ts';

/** The log-interaction form as the person edits it, and its mapping to and from `InteractionInput`. */

export type ModelSummary = EngagementOverview['model'];
export type ModelComponent = ModelSummary['components'][number];

export interface ComponentEntry {
  /** Empty while the person is still typing. */
  minutes: number | '';
  activityIds: string[];
}

export interface NextStepEntry {
  text: string;
  owner: string;
  dueDate: string;
  done: boolean;
}

export interface InteractionFormValues {
  date: string;
  time: string;
  durationMinutes: number | '';
  mode: InteractionMode;
  stageId: string;
  /** Components used, by id; a component absent here is not used. */
  components: Record<string, ComponentEntry>;
  /** Principles applied, by id, each with an optional rating 1–5. */
  principles: Record<string, number | null>;
  counts: Partial<Record<Level, number | ''>>;
  contactIds: string[];
  notes: string;
  nextSteps: NextStepEntry[];
}

const pad = (value: number): string => String(value).padStart(2, '0');
export const localDate = (now: Date): string => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
/** The time of day rounded down to the quarter hour, the way people remember meetings. */
export const localQuarterHour = (now: Date): string =>
  `${pad(now.getHours())}:${pad(Math.floor(now.getMinutes() / 15) * 15)}`;

/** A fresh form: today, now, the engagement's current stage and the mode last used. */
export function newInteractionForm(
  currentStageId: string | null,
  now: Date,
  lastMode: InteractionMode | null,
): InteractionFormValues {
  return {
    date: localDate(now),
    time: localQuarterHour(now),
    durationMinutes: 60,
    mode: lastMode ?? 'video',
    stageId: currentStageId ?? '',
    components: {},
    principles: {},
    counts: {},
    contactIds: [],
    notes: '',
    nextSteps: [],
  };
}

/** The form showing a logged interaction, to edit it. */
export function formFromInteraction(interaction: InteractionInput | Interaction): InteractionFormValues {
  return {
    date: interaction.date,
    time: interaction.time ?? '',
    durationMinutes: interaction.durationMinutes,
    mode: interaction.mode,
    stageId: interaction.stageId ?? '',
    components: Object.fromEntries(
      interaction.components.map((use) => [
        use.componentId,
        { minutes: use.minutes, activityIds: [...use.activityIds] },
      ]),
    ),
    principles: Object.fromEntries(interaction.principles.map((use) => [use.principleId, use.rating])),
    counts: { ...interaction.participants.counts },
    contactIds: [...interaction.participants.contactIds],
    notes: interaction.notes,
    nextSteps: interaction.nextSteps.map((step) => ({
      text: step.text,
      owner: step.owner,
      dueDate: step.dueDate ?? '',
      done: step.done,
    })),
  };
}

/** Components in the order the form lists them: the stage's emphasized ones first, then the rest in model order. */
export function orderedComponents(
  model: ModelSummary,
  stageId: string,
): { emphasized: ModelComponent[]; others: ModelComponent[] } {
  const emphasizedIds = model.stages.find((stage) => stage.id === stageId)?.emphasizes ?? [];
  const emphasized = emphasizedIds
    .map((id) => model.components.find((component) => component.id === id))
    .filter((component): component is ModelComponent => component !== undefined);
  const others = model.components.filter((component) => !emphasizedIds.includes(component.id));
  return { emphasized, others };
}

export const componentMinutesTotal = (values: InteractionFormValues): number =>
  Object.values(values.components).reduce(
    (sum, entry) => sum + (typeof entry.minutes === 'number' ? entry.minutes : 0),
    0,
  );

/** Minutes of component time beyond the duration; 0 when within it. */
export function minutesOverDuration(values: InteractionFormValues): number {
  const duration = typeof values.durationMinutes === 'number' ? values.durationMinutes : 0;
  return Math.max(0, componentMinutesTotal(values) - duration);
}

/**
 * The request body for the form. Components and principles follow the model's order, so the same
 * form always yields the same body; values the schema will refuse (empty minutes) are kept as they
 * are so that validation names them.
 */
export function toInteractionInput(
  values: InteractionFormValues,
  engagementId: string,
  model: ModelSummary,
): InteractionInput {
  const counts: Partial<Record<Level, number>> = {};
  for (const level of levels) {
    const count = values.counts[level];
    if (typeof count === 'number' && count > 0) counts[level] = count;
  }
  return {
    engagementId,
    date: values.date,
    time: values.time === '' ? null : values.time,
    durationMinutes: values.durationMinutes as number,
    mode: values.mode,
    stageId: values.stageId === '' ? null : values.stageId,
    participants: { contactIds: [...values.contactIds], counts },
    components: model.components
      .filter((component) => values.components[component.id] !== undefined)
      .map((component) => {
        const entry = values.components[component.id] as ComponentEntry;
        const activityIds = component.activities
          .map((activity) => activity.id)
          .filter((id) => entry.activityIds.includes(id));
        const unknown = entry.activityIds.filter((id) => !activityIds.includes(id));
        return {
          componentId: component.id,
          minutes: entry.minutes as number,
          activityIds: [...activityIds, ...unknown],
        };
      }),
    principles: model.principles
      .filter((principle) => principle.id in values.principles)
      .map((principle) => ({ principleId: principle.id, rating: values.principles[principle.id] ?? null })),
    notes: values.notes,
    nextSteps: values.nextSteps.map((step) => ({
      text: step.text,
      owner: step.owner,
      dueDate: step.dueDate === '' ? null : step.dueDate,
      done: step.done,
    })),
  };
}

/** Splits `body.components[1].activityIds[0]` or `components.1.activityIds.0` into its parts. */
export function pathParts(path: string): string[] {
  const parts = path.split(/[.[\]]+/).filter((part) => part !== '');
  return parts[0] === 'body' ? parts.slice(1) : parts;
}

/**
 * Where on the form a problem belongs. Component and principle problems are placed on the row of
 * the component or principle the submitted body had at that index (`component:coaching`); next-step
 * problems on the step's field (`nextSteps.0.text`); anything else on its top-level field.
 */
export function formFieldOf(path: string, input: InteractionInput): string {
  const [field, index, sub, subIndex] = pathParts(path);
  if (field === undefined) return 'form';
  const position = Number(index);
  if (field === 'components' && Number.isInteger(position)) {
    const use = input.components[position];
    if (!use) return 'components';
    if (sub === 'activityIds' && subIndex !== undefined) {
      const activityId = use.activityIds[Number(subIndex)];
      return activityId ? `activity:${use.componentId}:${activityId}` : `component:${use.componentId}`;
    }
    return `component:${use.componentId}`;
  }
  if (field === 'principles' && Number.isInteger(position)) {
    const use = input.principles[position];
    return use ? `principle:${use.principleId}` : 'principles';
  }
  if (field === 'nextSteps' && Number.isInteger(position))
    return sub ? `nextSteps.${position}.${sub}` : `nextSteps.${position}.text`;
  if (field === 'participants') return 'participants';
  return field;
}

export type InteractionFormErrors = Record<string, string>;

/** The words for a form field in a sentence ("The duration must be …", "Enter a next step."). */
function interactionFieldWords(field: string): string {
  if (field.startsWith('component:')) return 'minutes';
  if (field.startsWith('activity:')) return 'activity';
  if (field.startsWith('principle:')) return 'principle';
  if (/^nextSteps\.\d+\.text$/.test(field)) return 'next step';
  if (field === 'durationMinutes') return 'duration';
  if (field === 'components') return 'component minutes';
  return fieldWords(field);
}

/** Spreads problems (from the schema or the server) over the form's fields; an activity's problem also marks its component. */
export function interactionFormErrors(
  problems: ReadonlyArray<{ path: string; message: string }>,
  input: InteractionInput,
): InteractionFormErrors {
  const errors: InteractionFormErrors = {};
  for (const problem of problems) {
    const field = formFieldOf(problem.path, input);
    const sentence = plainMessage(interactionFieldWords(field), problem.message);
    errors[field] ??= sentence;
    const activity = /^activity:([^:]+):/.exec(field);
    if (activity) errors[`component:${activity[1]}`] ??= sentence;
  }
  return errors;
}
