import { describe, expect, it } from 'vitest';
import { eisToc } from '../../model/builtin/index.ts';
import { coachedBy, coaches, maySeeCoachingOf } from './coaches.ts';
import { principleProblems, ratingProblems, selfAssessmentProblems } from './rating-rules.ts';

const teams = [{ supportTeam: ['lead-a', 'p1'] }, { supportTeam: ['lead-b', 'p2'] }];

describe('who coaches whom', () => {
  it('makes admins coaches of everyone and leads coaches of their support teams only', () => {
    expect(coaches({ userId: 'admin', role: 'admin' }, 'p2', teams)).toBe(true);
    expect(coaches({ userId: 'lead-a', role: 'lead' }, 'p1', teams)).toBe(true);
    expect(coaches({ userId: 'lead-a', role: 'lead' }, 'p2', teams)).toBe(false);
    expect(coaches({ userId: 'p1', role: 'practitioner' }, 'p1', teams)).toBe(false);
    expect(coaches({ userId: 'lead-a', role: 'lead' }, 'lead-a', teams)).toBe(false);
    expect([...coachedBy({ userId: 'lead-a', role: 'lead' }, teams)]).toEqual(['p1']);
  });

  it('shows a coaching record to the practitioner and their coaches, never to partners or researchers', () => {
    expect(maySeeCoachingOf({ userId: 'p1', role: 'practitioner' }, 'p1', teams)).toBe(true);
    expect(maySeeCoachingOf({ userId: 'p2', role: 'practitioner' }, 'p1', teams)).toBe(false);
    expect(maySeeCoachingOf({ userId: 'lead-b', role: 'lead' }, 'p1', teams)).toBe(false);
    expect(maySeeCoachingOf({ userId: 'x', role: 'researcher' }, 'p1', teams)).toBe(false);
    expect(maySeeCoachingOf({ userId: 'x', role: 'partner' }, 'p1', [{ supportTeam: ['x', 'p1'] }])).toBe(false);
  });
});

describe('ratings against the model version', () => {
  const model = eisToc;
  const relating = model.components[0]!;

  it('accepts the model activities and names every unknown or repeated one by its field', () => {
    const known = relating.activities[0]!.id;
    expect(
      ratingProblems(
        [{ componentId: relating.id, quality: 3, activities: [{ activityId: known, rating: 'partly' }], comment: '' }],
        model,
      ),
    ).toEqual([]);
    expect(
      ratingProblems(
        [
          {
            componentId: relating.id,
            quality: 3,
            activities: [
              { activityId: known, rating: 'partly' },
              { activityId: known, rating: 'not-done' },
              { activityId: 'nope', rating: 'partly' },
            ],
            comment: '',
          },
          { componentId: 'ghost', quality: null, activities: [], comment: '' },
        ],
        model,
      ).map((p) => p.path),
    ).toEqual(['ratings[0].activities[1].activityId', 'ratings[0].activities[2].activityId', 'ratings[1].componentId']);
  });

  it('checks principles and self-assessment components', () => {
    expect(principleProblems([{ principleId: 'nope', observed: 'evident', note: '' }], model)[0]!.path).toBe(
      'principles[0].principleId',
    );
    expect(selfAssessmentProblems({ [relating.id]: 3, ghost: 2 }, model).map((p) => p.path)).toEqual(['ratings.ghost']);
    expect(selfAssessmentProblems({}, model).map((p) => p.path)).toEqual(['ratings']);
  });
});
