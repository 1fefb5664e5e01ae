import type { PracticeModel } from '../../model/schema.ts';
import { interactionModes, levels, type Interaction } from './schemas.ts';

/**
 * Interactions as a REDCap project: a data dictionary (the standard 18 columns) describing one form,
 * and flat records matching it, with checkbox fields as `field___code` 0/1 columns. REDCap names allow
 * only lowercase letters, digits and underscores, so Praxis ids are mapped (see `redcapName`) and each
 * mapped field keeps its Praxis id in its Field Annotation.
 */

export const redcapDictionaryColumns = [
  'Variable / Field Name',
  'Form Name',
  'Section Header',
  'Field Type',
  'Field Label',
  'Choices, Calculations, OR Slider Labels',
  'Field Note',
  'Text Validation Type OR Show Slider Number',
  'Text Validation Min',
  'Text Validation Max',
  'Identifier?',
  'Branching Logic (Show field only if...)',
  'Required Field?',
  'Custom Alignment',
  'Question Number (surveys only)',
  'Matrix Group Name',
  'Matrix Ranking?',
  'Field Annotation',
] as const;

export const redcapFormName = 'interaction';

/**
 * A Praxis id as a REDCap name: lowercase; every run of other characters becomes one underscore (never
 * three in a row, which REDCap reserves for checkbox codes); no leading or trailing underscore.
 */
export function redcapName(id: string): string {
  const name = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return name === '' ? 'x' : name;
}

/** Maps ids to distinct REDCap names within one namespace; a clash gets `_2`, `_3`… */
export class RedcapNameMap {
  private readonly byId = new Map<string, string>();
  private readonly used = new Set<string>();

  name(id: string): string {
    const existing = this.byId.get(id);
    if (existing !== undefined) return existing;
    const base = redcapName(id);
    let name = base;
    for (let n = 2; this.used.has(name); n += 1) name = `${base}_${n}`;
    this.byId.set(id, name);
    this.used.add(name);
    return name;
  }
}

interface Field {
  name: string;
  section?: string;
  type: 'text' | 'notes' | 'dropdown' | 'checkbox';
  label: string;
  choices?: { code: string; label: string }[];
  note?: string;
  validation?: 'integer' | 'date_ymd' | 'time';
  min?: string;
  max?: string;
  required?: boolean;
  annotation?: string;
  /** The record cells of this field (one per choice for a checkbox). */
  cells: (interaction: Interaction) => string[];
}

export interface RedcapProject {
  dictionaryHeader: string[];
  dictionaryRows: string[][];
  recordHeader: string[];
  recordRow(interaction: Interaction): string[];
}

/** Choices written the REDCap way: `1, Label | 2, Label`. */
export const redcapChoices = (choices: readonly { code: string; label: string }[]): string =>
  choices.map((c) => `${c.code}, ${c.label.replace(/\|/g, '/')}`).join(' | ');

/** The REDCap form for interactions recorded under the given models (every component, activity and principle among them). */
export function redcapProject(models: readonly PracticeModel[]): RedcapProject {
  const componentNames = new RedcapNameMap();
  const principleNames = new RedcapNameMap();
  const components = new Map<string, { name: string; label: string; activities: Map<string, string> }>();
  const principles = new Map<string, string>();
  for (const model of models) {
    for (const component of model.components) {
      const entry = components.get(component.id) ?? {
        name: component.name,
        label: component.name,
        activities: new Map<string, string>(),
      };
      for (const activity of component.activities)
        if (!entry.activities.has(activity.id)) entry.activities.set(activity.id, activity.label);
      components.set(component.id, entry);
    }
    for (const principle of model.principles)
      if (!principles.has(principle.id)) principles.set(principle.id, principle.name);
  }

  const fields: Field[] = [
    {
      name: 'record_id',
      type: 'text',
      label: 'Record ID (Praxis interaction id)',
      required: true,
      cells: (i) => [i.id],
    },
    { name: 'engagement_id', type: 'text', label: 'Engagement id', required: true, cells: (i) => [i.engagementId] },
    { name: 'model_id', type: 'text', label: 'Practice model id', cells: (i) => [i.modelId] },
    { name: 'model_version', type: 'text', label: 'Practice model version', cells: (i) => [i.modelVersion] },
    {
      name: 'interaction_date',
      type: 'text',
      label: 'Date of the interaction',
      validation: 'date_ymd',
      required: true,
      cells: (i) => [i.date],
    },
    {
      name: 'interaction_time',
      type: 'text',
      label: 'Time of the interaction',
      validation: 'time',
      cells: (i) => [i.time ?? ''],
    },
    {
      name: 'duration_minutes',
      type: 'text',
      label: 'Duration (minutes)',
      validation: 'integer',
      min: '1',
      max: '1440',
      required: true,
      cells: (i) => [String(i.durationMinutes)],
    },
    {
      name: 'mode',
      type: 'dropdown',
      label: 'Mode',
      choices: interactionModes.map((mode, n) => ({ code: String(n + 1), label: mode })),
      required: true,
      cells: (i) => [String(interactionModes.indexOf(i.mode) + 1)],
    },
    { name: 'stage_id', type: 'text', label: 'Stage (Praxis stage id)', cells: (i) => [i.stageId ?? ''] },
    ...levels.map((level): Field => ({
      name: `participants_${level}`,
      section: level === levels[0] ? 'Participants (anonymous counts by level)' : undefined,
      type: 'text',
      label: `Participants at the ${level} level`,
      validation: 'integer',
      min: '0',
      cells: (i) => [i.participants.counts[level] === undefined ? '' : String(i.participants.counts[level])],
    })),
  ];

  let firstComponent = true;
  for (const [componentId, component] of components) {
    const name = componentNames.name(componentId);
    const activityNames = new RedcapNameMap();
    const choices = [...component.activities].map(([activityId, label]) => ({
      id: activityId,
      code: activityNames.name(activityId),
      label,
    }));
    fields.push({
      name: `minutes_${name}`,
      section: firstComponent ? 'Core practice components' : undefined,
      type: 'text',
      label: `${component.label}: minutes`,
      validation: 'integer',
      min: '0',
      max: '1440',
      annotation: `Praxis component "${componentId}"`,
      cells: (i) => {
        const use = i.components.find((c) => c.componentId === componentId);
        return [use ? String(use.minutes) : ''];
      },
    });
    fields.push({
      name: `activities_${name}`,
      type: 'checkbox',
      label: `${component.label}: practice activities used`,
      choices,
      annotation: `Praxis activities of "${componentId}": ${choices.map((c) => `${c.code} = ${c.id}`).join('; ')}`,
      cells: (i) => {
        const used = new Set(i.components.find((c) => c.componentId === componentId)?.activityIds ?? []);
        return choices.map((c) => (used.has(c.id) ? '1' : '0'));
      },
    });
    firstComponent = false;
  }

  const principleChoices = [...principles].map(([principleId, label]) => ({
    id: principleId,
    code: principleNames.name(principleId),
    label,
  }));
  fields.push({
    name: 'principles',
    section: 'Practice principles',
    type: 'checkbox',
    label: 'Practice principles applied',
    choices: principleChoices,
    annotation: `Praxis principles: ${principleChoices.map((c) => `${c.code} = ${c.id}`).join('; ')}`,
    cells: (i) => {
      const used = new Set(i.principles.map((p) => p.principleId));
      return principleChoices.map((c) => (used.has(c.id) ? '1' : '0'));
    },
  });
  for (const choice of principleChoices) {
    fields.push({
      name: `rating_${choice.code}`,
      type: 'text',
      label: `${choice.label}: how fully applied (1 barely – 5 fully)`,
      validation: 'integer',
      min: '1',
      max: '5',
      annotation: `Praxis principle "${choice.id}"`,
      cells: (i) => {
        const rating = i.principles.find((p) => p.principleId === choice.id)?.rating;
        return [rating === undefined || rating === null ? '' : String(rating)];
      },
    });
  }
  fields.push({ name: 'notes', section: 'Notes', type: 'notes', label: 'Notes', cells: (i) => [i.notes] });

  const dictionaryRows = fields.map((f) => [
    f.name,
    redcapFormName,
    f.section ?? '',
    f.type,
    f.label,
    f.choices ? redcapChoices(f.choices) : '',
    f.note ?? '',
    f.validation ?? '',
    f.min ?? '',
    f.max ?? '',
    '',
    '',
    f.required ? 'y' : '',
    '',
    '',
    '',
    '',
    f.annotation ?? '',
  ]);
  const recordHeader = fields.flatMap((f) =>
    f.type === 'checkbox' ? (f.choices ?? []).map((c) => `${f.name}___${c.code}`) : [f.name],
  );
  return {
    dictionaryHeader: [...redcapDictionaryColumns],
    dictionaryRows,
    recordHeader,
    recordRow: (interaction) => fields.flatMap((f) => f.cells(interaction)),
  };
}
