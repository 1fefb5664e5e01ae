/** Turns recorded changes (`{field: [before, after]}`) into lines a person can read. */

export interface ChangeLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** Names for ids (components, activities, principles, stages, contacts), when the page knows them. */
export type NameOf = (id: string) => string | undefined;

const fieldLabels: Record<string, string> = {
  date: 'Date',
  time: 'Time',
  durationMinutes: 'Duration (minutes)',
  mode: 'Mode',
  stageId: 'Stage',
  participants: 'Participants',
  components: 'Components',
  principles: 'Principles',
  notes: 'Notes',
  nextSteps: 'Next steps',
  name: 'Name',
  kind: 'Kind',
  parentId: 'Part of',
  type: 'Type',
  region: 'Region',
  stateOrCountry: 'State or country',
  tags: 'Tags',
  stages: 'Stages',
  goals: 'Goals',
  supportTeam: 'Support team',
  startDate: 'Start date',
  endDate: 'End date',
  deletedAt: 'Deleted',
  includeCoaching: 'Coaching in the research export',
};

/** `durationMinutes` → `Duration (minutes)`; unknown fields are split at their capitals. */
export const fieldLabel = (field: string): string =>
  fieldLabels[field] ?? field.replace(/([A-Z])/g, ' $1').replace(/^./, (first) => first.toUpperCase());

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One value as text: component uses as `Coaching 20 min (2 activities)`, principles with ratings, counts by level. */
export function readableValue(value: unknown, nameOf: NameOf = () => undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return nameOf(value) ?? value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((item) => readableValue(item, nameOf)).join('; ');
  }
  if (isRecord(value)) {
    if (typeof value.componentId === 'string') {
      const activities = Array.isArray(value.activityIds) ? value.activityIds.length : 0;
      const name = nameOf(value.componentId) ?? value.componentId;
      return `${name} ${String(value.minutes)} min (${activities} ${activities === 1 ? 'activity' : 'activities'})`;
    }
    if (typeof value.principleId === 'string') {
      const name = nameOf(value.principleId) ?? value.principleId;
      return typeof value.rating === 'number' ? `${name} (${value.rating}/5)` : name;
    }
    if (typeof value.text === 'string') {
      const owner = typeof value.owner === 'string' && value.owner ? ` — ${value.owner}` : '';
      const due = typeof value.dueDate === 'string' ? `, due ${value.dueDate}` : '';
      return `${value.text}${owner}${due}${value.done === true ? ' (done)' : ''}`;
    }
    if (typeof value.stageId === 'string')
      return `${nameOf(value.stageId) ?? value.stageId} from ${String(value.startedOn)}`;
    if ('contactIds' in value || 'counts' in value) {
      const contacts = Array.isArray(value.contactIds) ? value.contactIds.map((id) => readableValue(id, nameOf)) : [];
      const counts = isRecord(value.counts)
        ? Object.entries(value.counts).map(([level, count]) => `${String(count)} ${level}`)
        : [];
      const text = [...contacts, ...counts].join(', ');
      return text || '—';
    }
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${readableValue(item, nameOf)}`)
      .join(', ');
  }
  return String(value);
}

/** The lines of one history entry's changes, in a stable order, skipping bookkeeping fields. */
export function readableChanges(changes: Record<string, unknown>, nameOf: NameOf = () => undefined): ChangeLine[] {
  const skipped = new Set(['version', 'updatedAt', 'createdAt', 'id']);
  return Object.entries(changes)
    .filter(([field]) => !skipped.has(field))
    .map(([field, change]) => {
      const [before, after] = Array.isArray(change) ? change : [undefined, change];
      return {
        field,
        label: fieldLabel(field),
        before: readableValue(before, nameOf),
        after: readableValue(after, nameOf),
      };
    });
}
