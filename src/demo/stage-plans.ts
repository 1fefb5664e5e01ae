import type { PlannedActivity, StagePlanInput } from '../domain/plans/schemas.ts';
import { shiftMonth } from '../domain/support/months.ts';
import type { PracticeModel } from '../model/schema.ts';
import type { DemoDataset } from './dataset.ts';
import { demoWindow } from './demo-window.ts';

/** A generated stage plan, its engagement and activity owners named by the dataset's keys. */
export type DemoStagePlan = Omit<StagePlanInput, 'engagementId' | 'activities'> & {
  engagementKey: string;
  /** How the plan relates to what was logged, so tests and docs can name the pattern. */
  pattern: 'on plan' | 'drifting' | 'component unused';
  activities: (Omit<PlannedActivity, 'ownerId'> & { ownerKey: string })[];
};

/** How many months before the demo's end a plan's minutes are read from. */
const recentMonths = 3;

const roundTo5 = (minutes: number): number => Math.max(5, Math.round(minutes / 5) * 5);

/**
 * A plan for the current stage of every engagement still open at the demo's end, set from what it logged
 * in its last three months so that plan versus actual reads true: a third on plan (the minutes logged,
 * rounded), a third drifting (three times what was logged, so the dose falls far short and its signal
 * fires), and a third planning a stage component it has not used lately (its signal fires). Each has
 * one goal and three activities: one done, one overdue, one still due. Pure: the same dataset, model and
 * month give the same plans.
 */
export function generateStagePlans(dataset: DemoDataset, model: PracticeModel, currentMonth: string): DemoStagePlan[] {
  const { end } = demoWindow(currentMonth);
  const lastMonth = end.slice(0, 7);
  const firstRecent = shiftMonth(lastMonth, -(recentMonths - 1));
  const open = dataset.engagements.filter((e) => e.endDate === null || e.endDate >= end);
  return open.flatMap((engagement, index): DemoStagePlan[] => {
    const stage = [...engagement.stages].reverse().find((s) => s.startedOn <= end);
    const ownerKey = engagement.supportTeamKeys[0];
    if (!stage || ownerKey === undefined) return [];
    const logged = new Map<string, number>();
    for (const interaction of dataset.interactions) {
      if (interaction.engagementKey !== engagement.key) continue;
      const month = interaction.date.slice(0, 7);
      if (month < firstRecent || month > lastMonth) continue;
      for (const use of interaction.components)
        logged.set(use.componentId, (logged.get(use.componentId) ?? 0) + use.minutes);
    }
    const used = [...logged.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([componentId, minutes]) => ({ componentId, perMonth: minutes / recentMonths }));
    const pattern = (['on plan', 'drifting', 'component unused'] as const)[index % 3]!;
    const factor = pattern === 'drifting' ? 3 : 1;
    const emphasis = used.map((u) => ({ componentId: u.componentId, minutesPerMonth: roundTo5(u.perMonth * factor) }));
    const stageModel = model.stages.find((s) => s.id === stage.stageId);
    if (pattern === 'component unused') {
      const unused = [...(stageModel?.emphasizes ?? []), ...model.components.map((c) => c.id)].find(
        (id) => !logged.has(id),
      );
      if (unused) emphasis.push({ componentId: unused, minutesPerMonth: 60 });
    }
    if (emphasis.length === 0)
      emphasis.push({ componentId: stageModel?.emphasizes[0] ?? model.components[0]!.id, minutesPerMonth: 60 });
    const component = model.components.find((c) => c.id === emphasis[0]!.componentId);
    const activity = component?.activities[0];
    const stageName = stageModel?.name ?? stage.stageId;
    return [
      {
        engagementKey: engagement.key,
        stageId: stage.stageId,
        pattern,
        goals: [
          {
            text: `Complete the ${stageName.toLowerCase()} stage with the partner's team`,
            indicator: 'The partner team rates the stage goals as met at the quarterly review',
            targetDate: `${shiftMonth(lastMonth, 3)}-28`,
          },
        ],
        emphasis,
        activities: [
          {
            activityKey: activity && component ? `${component.id}/${activity.id}` : null,
            text: activity ? '' : 'Review the support agreement with the partner',
            ownerKey,
            dueDate: `${shiftMonth(lastMonth, -1)}-12`,
            status: 'done',
          },
          {
            activityKey: null,
            text: 'Share the implementation data summary with the leadership team',
            ownerKey,
            dueDate: `${lastMonth}-20`,
            status: 'planned',
          },
          {
            activityKey: null,
            text: 'Plan the next quarter with the implementation team',
            ownerKey,
            dueDate: `${shiftMonth(lastMonth, 2)}-10`,
            status: 'planned',
          },
        ],
      },
    ];
  });
}
