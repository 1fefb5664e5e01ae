import type { PlannedActivity } from '../plans/schemas.ts';
import type { CalendarItem } from './schemas.ts';

/** What the feed of one person reads: plain records, already limited to the feed's dates. */
export interface CalendarSources {
  /** The person's user id. */
  personId: string;
  /** Names of the organization's live engagements, by id. */
  engagementNames: ReadonlyMap<string, string>;
  /** Open next steps with a due date, of the engagements the person supports. */
  nextSteps: readonly {
    interactionId: string;
    position: number;
    engagementId: string;
    text: string;
    owner: string;
    dueDate: string | null;
  }[];
  /** Live stage plans of the organization; only the person's planned (not done, not dropped) activities are read. */
  plans: readonly { id: string; engagementId: string; stageId: string; activities: readonly PlannedActivity[] }[];
  /** Live waves with a scheduled date, of the engagements the person supports. */
  waves: readonly { id: string; engagementId: string; name: string; kind: string; scheduledOn: string | null }[];
  /** Items dated from `from` (inclusive) on. */
  from: string;
}

/** The all-day events of one person's calendar feed, by date: next steps, planned activities and waves. */
export function calendarItems(sources: CalendarSources): CalendarItem[] {
  const { personId, engagementNames, from } = sources;
  const engagement = (id: string) => engagementNames.get(id);
  const items: CalendarItem[] = [];
  for (const step of sources.nextSteps) {
    const name = engagement(step.engagementId);
    if (step.dueDate === null || step.dueDate < from || name === undefined) continue;
    items.push({
      uid: `next-step-${step.interactionId}-${step.position}`,
      kind: 'nextStep',
      date: step.dueDate,
      summary: `Next step: ${step.text}`,
      description: `${name}. Owner: ${step.owner}. Due ${step.dueDate}.`,
    });
  }
  for (const plan of sources.plans) {
    const name = engagement(plan.engagementId);
    if (name === undefined) continue;
    plan.activities.forEach((activity, index) => {
      if (activity.ownerId !== personId || activity.status !== 'planned' || activity.dueDate < from) return;
      const what = activity.text !== '' ? activity.text : (activity.activityKey ?? 'Planned activity');
      items.push({
        uid: `activity-${plan.id}-${index}`,
        kind: 'plannedActivity',
        date: activity.dueDate,
        summary: `Planned activity: ${what}`,
        description: `${name}, stage "${plan.stageId}"${activity.activityKey ? `, practice activity ${activity.activityKey}` : ''}. Due ${activity.dueDate}.`,
      });
    });
  }
  for (const wave of sources.waves) {
    const name = engagement(wave.engagementId);
    if (wave.scheduledOn === null || wave.scheduledOn < from || name === undefined) continue;
    items.push({
      uid: `wave-${wave.id}`,
      kind: 'wave',
      date: wave.scheduledOn,
      summary: `Measurement wave: ${wave.name}`,
      description: `${name}: ${wave.kind} wave scheduled for ${wave.scheduledOn}.`,
    });
  }
  return items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1));
}
