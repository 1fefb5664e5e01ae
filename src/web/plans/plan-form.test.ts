import { describe, expect, it } from 'vitest';
import { StagePlanInput } from '../../domain/plans/schemas.ts';
import { formFromPlan, newPlanForm, planFormErrors, planInputOf } from './plan-form.ts';

const issuesOf = (input: unknown) => {
  const result = StagePlanInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('the stage plan form', () => {
  it('names the row and field of each problem in plain words, from the schema', () => {
    const values = newPlanForm(['relating']);
    values.goals[0] = { text: 'Agree how we work', indicator: '', targetDate: '' };
    const errors = planFormErrors(issuesOf(planInputOf(values, 'e1', 'readiness')));
    expect(errors).toEqual({
      'goals.0.indicator': 'Enter an indicator.',
      'goals.0.targetDate': 'The target date is required: a goal needs a target date.',
      'emphasis.0.minutesPerMonth': 'Enter a number of minutes.',
    });
  });

  it('places the server’s bracketed paths beside their fields and keeps the rest for the form', () => {
    expect(
      planFormErrors([
        { path: 'activities[1].text', message: 'is required when no practice activity of the model is chosen' },
        { path: 'emphasis[0].componentId', message: 'unknown component "juggling" in model eis-toc@1.0.0' },
        { path: 'stageId', message: 'is not a stage of the model' },
      ]),
    ).toEqual({
      'activities.1.text': 'The activity is required when no practice activity of the model is chosen.',
      'emphasis.0.componentId': 'Unknown component "juggling" in model eis-toc@1.0.0.',
      form: 'The stage is not a stage of the model.',
    });
  });

  it('round-trips a saved plan through the form unchanged', () => {
    const plan = {
      goals: [{ text: 'Agree roles', indicator: 'Signed agreement', targetDate: '2024-03-31' }],
      emphasis: [{ componentId: 'relating', minutesPerMonth: 240 }],
      activities: [
        {
          activityKey: null,
          text: 'Send the survey',
          ownerId: 'u1',
          dueDate: '2024-02-15',
          status: 'planned' as const,
        },
        {
          activityKey: 'relating/agree-roles',
          text: '',
          ownerId: 'u1',
          dueDate: '2024-02-20',
          status: 'done' as const,
        },
      ],
    };
    expect(StagePlanInput.parse(planInputOf(formFromPlan(plan), 'e1', 's1'))).toEqual({
      engagementId: 'e1',
      stageId: 's1',
      ...plan,
    });
  });
});
