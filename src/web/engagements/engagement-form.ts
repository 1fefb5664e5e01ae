import type { Engagement, EngagementInput, StageChange } from '../../domain/support/schemas.ts';
import { pathParts } from '../interactions/interaction-form.ts';
import { fieldWords, plainMessage } from '../forms/plain-message.ts';

/** The engagement form's values as typed, and their mapping to and from the API's shape. */

export interface EngagementFormValues {
  name: string;
  partnerId: string;
  supportTeam: string[];
  startDate: string;
  /** Empty while the engagement is open-ended. */
  endDate: string;
  /** `modelId@version`: one choice picks both. */
  model: string;
  /** Dated stages, oldest first; the last is the current one. */
  stages: StageChange[];
  /** One goal per line. */
  goals: string;
}

export const modelChoice = (modelId: string, version: string): string => `${modelId}@${version}`;

export function splitModelChoice(choice: string): { modelId: string; modelVersion: string } {
  const at = choice.lastIndexOf('@');
  return at < 0
    ? { modelId: choice, modelVersion: '' }
    : { modelId: choice.slice(0, at), modelVersion: choice.slice(at + 1) };
}

export function newEngagementForm(defaults: {
  partnerId: string;
  model: string;
  startDate: string;
  supportTeam: string[];
}): EngagementFormValues {
  return { name: '', endDate: '', stages: [], goals: '', ...defaults };
}

export function formFromEngagement(engagement: Engagement | EngagementInput): EngagementFormValues {
  return {
    name: engagement.name,
    partnerId: engagement.partnerId,
    supportTeam: [...engagement.supportTeam],
    startDate: engagement.startDate,
    endDate: engagement.endDate ?? '',
    model: modelChoice(engagement.modelId, engagement.modelVersion),
    stages: engagement.stages.map((stage) => ({ ...stage })),
    goals: engagement.goals.join('\n'),
  };
}

/** What the API receives; the shared schema then checks it before it is sent. */
export function toEngagementInput(values: EngagementFormValues): Record<keyof EngagementInput, unknown> {
  return {
    name: values.name,
    partnerId: values.partnerId,
    supportTeam: values.supportTeam,
    startDate: values.startDate,
    endDate: values.endDate === '' ? null : values.endDate,
    ...splitModelChoice(values.model),
    stages: values.stages,
    goals: values.goals
      .split('\n')
      .map((goal) => goal.trim())
      .filter((goal) => goal !== ''),
  };
}

/** Where a problem shows on the form: `stages.1.startedOn` on that row's date, model id or version on the model, the rest on its field or above the button. */
const formFields = new Set(['name', 'partnerId', 'supportTeam', 'startDate', 'endDate', 'goals', 'stages']);

export function engagementFieldOf(path: string): string {
  const [field, index, sub] = pathParts(path);
  if (field === 'modelId' || field === 'modelVersion') return 'model';
  if (field === 'stages' && index !== undefined) return `stages.${index}.${sub ?? 'stageId'}`;
  return field !== undefined && formFields.has(field) ? field : 'form';
}

export type EngagementFormErrors = Record<string, string>;

const engagementFieldWords = (field: string): string =>
  field === 'partnerId' ? 'partner' : field.endsWith('.startedOn') ? 'stage start date' : fieldWords(field);

/** Spreads problems, from the schema or the server, over the form; the first problem of a field wins. */
export function engagementFormErrors(problems: ReadonlyArray<{ path: string; message: string }>): EngagementFormErrors {
  const errors: EngagementFormErrors = {};
  for (const problem of problems) {
    const field = engagementFieldOf(problem.path);
    const message =
      field === 'form' && problem.path
        ? plainMessage(fieldWords(problem.path), problem.message)
        : plainMessage(engagementFieldWords(field), problem.message);
    errors[field] = errors[field] ? (field === 'form' ? `${errors[field]} ${message}` : errors[field]) : message;
  }
  return errors;
}
