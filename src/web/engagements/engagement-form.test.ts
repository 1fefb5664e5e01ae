import { describe, expect, test } from 'vitest';
import { EngagementInput } from '../../domain/support/schemas.ts';
import { engagementFormErrors, formFromEngagement, newEngagementForm, toEngagementInput } from './engagement-form.ts';

const saved: EngagementInput = {
  partnerId: 'p1',
  name: 'Riverside schools',
  supportTeam: ['u1', 'u2'],
  startDate: '2026-01-05',
  endDate: null,
  modelId: 'eis-toc',
  modelVersion: '1.0.0',
  stages: [
    { stageId: 'readiness-exploration', startedOn: '2026-01-05' },
    { stageId: 'capacity-development', startedOn: '2026-04-01' },
  ],
  goals: ['Stand up a data team', 'Adopt the screening routine'],
};

describe('the engagement form', () => {
  test('an engagement survives the round trip through the form unchanged', () => {
    expect(EngagementInput.parse(toEngagementInput(formFromEngagement(saved)))).toEqual(saved);
  });

  test('goals are one per line, blank lines dropped; an empty end date is open-ended; the model choice splits at its last @', () => {
    const values = {
      ...newEngagementForm({ partnerId: 'p1', model: 'my@model@2.0.0', startDate: '2026-02-01', supportTeam: [] }),
      goals: ' First \n\n Second ',
    };
    expect(toEngagementInput(values)).toMatchObject({
      goals: ['First', 'Second'],
      endDate: null,
      modelId: 'my@model',
      modelVersion: '2.0.0',
    });
  });

  test('problems land on their field, stage problems on their row, unknown ones above the button', () => {
    const errors = engagementFormErrors([
      { path: 'supportTeam[1]', message: '"u9" is not a member of this organization.' },
      { path: 'stages[1].startedOn', message: 'is before the previous stage began (2026-04-01)' },
      { path: 'stages.0', message: 'is required' },
      { path: 'modelVersion', message: 'model x@1 is not published in this organization' },
      { path: 'body.endDate', message: 'is before the start date (2026-01-05)' },
      { path: 'version', message: 'is stale' },
      { path: '', message: 'Something else' },
    ]);
    expect(errors).toEqual({
      supportTeam: '"u9" is not a member of this organization.',
      'stages.1.startedOn': 'The stage start date is before the previous stage began (2026-04-01).',
      'stages.0.stageId': 'Enter a stage.',
      model: 'Model x@1 is not published in this organization.',
      endDate: 'The end date is before the start date (2026-01-05).',
      form: 'The version is stale. Something else.',
    });
  });

  test('a missing name is found before sending', () => {
    const result = EngagementInput.safeParse(
      toEngagementInput(
        newEngagementForm({ partnerId: 'p1', model: 'eis-toc@1.0.0', startDate: '2026-02-01', supportTeam: [] }),
      ),
    );
    expect(result.success).toBe(false);
    expect(
      engagementFormErrors(
        result.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) ?? [],
      ),
    ).toEqual({ name: 'Enter a name.' });
  });
});
