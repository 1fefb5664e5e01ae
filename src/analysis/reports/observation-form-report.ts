import {
  activityRatingLabels,
  activityRatings,
  principleObservationLabels,
  principleObservations,
} from '../../domain/coaching/schemas.ts';
import type { ObservationForm } from '../../domain/coaching/observation-form.ts';
import type { Report } from './report.ts';

const box = '☐';

/**
 * The printable observation form of an engagement's model version: per component its behavioral
 * definition and a row per practice activity with a box for each rating, a 1–5 quality line and room
 * for comments; then the principles. Rendered by the report renderers (PDF for print).
 */
export function observationFormReport(form: ObservationForm, organization: string, today: string): Report {
  return {
    kind: 'observation-form',
    header: {
      title: 'Observation of practice',
      organization,
      engagement: form.engagement.name,
      models: [`${form.model.name} ${form.model.version}`],
      period: null,
      generatedOn: today,
    },
    sections: [
      {
        id: 'session',
        title: 'Session',
        blocks: [
          {
            kind: 'list',
            items: ['Practitioner: ______________________', 'Observer: ______________________', 'Date: ____________'],
          },
          {
            kind: 'message',
            text: `Rate each practice activity against its behavioral definition in ${form.model.name} ${form.model.version}, then the quality of each component used from 1 (not yet) to 5 (exemplary).`,
          },
        ],
      },
      ...form.components.map((c) => ({
        id: `component-${c.id}`,
        title: c.name,
        method: c.definition,
        blocks: [
          {
            kind: 'table' as const,
            columns: [
              { title: 'Practice activity' },
              ...activityRatings.map((r) => ({ title: activityRatingLabels[r] })),
            ],
            rows: c.activities.map((a) => [`${a.label}: ${a.description}`, ...activityRatings.map(() => box)]),
          },
          {
            kind: 'message' as const,
            text: `Quality (1–5):  ${[1, 2, 3, 4, 5].map((q) => `${box} ${q}`).join('   ')}`,
          },
          { kind: 'message' as const, text: 'Comment: ____________________________________________' },
        ],
      })),
      {
        id: 'principles',
        title: 'Principles',
        blocks: [
          {
            kind: 'table',
            columns: [
              { title: 'Principle' },
              ...principleObservations.map((p) => ({ title: principleObservationLabels[p] })),
            ],
            rows: form.principles.map((p) => [`${p.name}: ${p.description}`, ...principleObservations.map(() => box)]),
          },
          { kind: 'message', text: 'Notes: ____________________________________________' },
        ],
      },
    ],
  };
}
