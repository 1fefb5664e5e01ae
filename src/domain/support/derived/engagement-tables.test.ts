import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diversityByRelationshipMonth, relationshipMonthKey } from '../diversity.ts';
import { relationshipMonthDoses } from '../relationship-dose.ts';
import { computeDose, organizationDose } from '../rollups.ts';
import { organizationRows, rowKey, type DerivedDeclaration, type DerivedRow } from './declaration.ts';
import {
  activityMonthUse,
  componentMonthDose,
  engagementMonthDose,
  modeMonthUse,
  principleMonthUse,
  relationshipMonthDose,
} from './engagement-tables.ts';
import {
  organizationActivityMonthUse,
  organizationComponentMonthDose,
  organizationModeMonthUse,
  organizationMonthDose,
  organizationPrincipleMonthUse,
  organizationRelationshipComponentDose,
} from './organization-tables.ts';
import { nextStepDueMonth, organizationNextStepDueMonth } from './next-step-due-month.ts';
import { practitionerComponentMonth } from './practitioner-component-month.ts';
import { openNextStepRows } from '../rollups.ts';
import { calendarMonth } from '../months.ts';

const interaction = (engagementId: string) =>
  fc.record({
    engagementId: fc.constant(engagementId),
    date: fc
      .integer({ min: 0, max: 400 })
      .map((d) => new Date(Date.UTC(2020, 0, 31) + d * 86_400_000).toISOString().slice(0, 10)),
    durationMinutes: fc.integer({ min: 1, max: 120 }),
    mode: fc.constantFrom('video', 'phone', 'in-person'),
    loggedBy: fc.constantFrom('u1', 'u2'),
    components: fc.uniqueArray(
      fc.record({
        componentId: fc.constantFrom('relating', 'assessing', 'co-designing'),
        minutes: fc.integer({ min: 1, max: 40 }),
        activityIds: fc.uniqueArray(fc.constantFrom('a1', 'a2', 'a3'), { maxLength: 2 }),
      }),
      { selector: (c) => c.componentId, maxLength: 3 },
    ),
    principles: fc.uniqueArray(
      fc.record({
        principleId: fc.constantFrom('p1', 'p2'),
        rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      }),
      { selector: (p) => p.principleId, maxLength: 2 },
    ),
    nextSteps: fc.array(
      fc.record({
        text: fc.constant('Send the summary'),
        owner: fc.constantFrom('', 'Pat', 'Quinn'),
        dueDate: fc.option(
          fc
            .integer({ min: 0, max: 450 })
            .map((d) => new Date(Date.UTC(2020, 0, 31) + d * 86_400_000).toISOString().slice(0, 10)),
          { nil: null },
        ),
        done: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
  });

const sorted = (declaration: DerivedDeclaration, rows: DerivedRow[]) =>
  [...rows].sort((a, b) => (rowKey(declaration, a) < rowKey(declaration, b) ? -1 : 1));

describe('the derived-table declarations', () => {
  it('give the rows the dose sums of the domain give, at engagement and organization level', () => {
    fc.assert(
      fc.property(
        fc.array(interaction('e1'), { maxLength: 25 }),
        fc.array(interaction('e2'), { maxLength: 25 }),
        (first, second) => {
          const starts = new Map([
            ['e1', '2020-01-31'],
            ['e2', '2020-03-15'],
          ]);
          const dose = computeDose([...first, ...second], starts);
          const diversity = diversityByRelationshipMonth(dose.componentMonths);
          const sources = [
            { engagementId: 'e1', startDate: '2020-01-31', interactions: first },
            { engagementId: 'e2', startDate: '2020-03-15', interactions: second },
          ];
          const rowsOf = (d: typeof engagementMonthDose) => sources.flatMap((s) => d.rows(s));
          const expect_ = (d: DerivedDeclaration, actual: DerivedRow[], expected: DerivedRow[]) =>
            expect(sorted(d, actual)).toEqual(sorted(d, expected));
          expect_(
            engagementMonthDose,
            rowsOf(engagementMonthDose),
            dose.engagementMonths.map((m) => ({
              engagement_id: m.engagementId,
              calendar_month: m.calendarMonth,
              relationship_month: m.relationshipMonth,
              interactions: m.interactions,
              minutes: m.minutes,
            })),
          );
          expect_(
            componentMonthDose,
            rowsOf(componentMonthDose),
            dose.componentMonths.map((m) => ({
              engagement_id: m.engagementId,
              calendar_month: m.calendarMonth,
              relationship_month: m.relationshipMonth,
              component_id: m.componentId,
              interactions: m.interactions,
              minutes: m.minutes,
              activity_uses: m.activityUses,
            })),
          );
          expect_(
            principleMonthUse,
            rowsOf(principleMonthUse),
            dose.principleMonths.map((m) => ({
              engagement_id: m.engagementId,
              calendar_month: m.calendarMonth,
              relationship_month: m.relationshipMonth,
              principle_id: m.principleId,
              interactions: m.interactions,
              ratings: m.ratings,
              rating_sum: m.ratingSum,
            })),
          );
          expect_(
            modeMonthUse,
            rowsOf(modeMonthUse),
            dose.modeMonths.map((m) => ({
              engagement_id: m.engagementId,
              calendar_month: m.calendarMonth,
              mode: m.mode,
              interactions: m.interactions,
              minutes: m.minutes,
            })),
          );
          expect_(
            activityMonthUse,
            rowsOf(activityMonthUse),
            dose.activityMonths.map((m) => ({
              engagement_id: m.engagementId,
              calendar_month: m.calendarMonth,
              component_id: m.componentId,
              activity_id: m.activityId,
              interactions: m.interactions,
            })),
          );
          expect_(
            relationshipMonthDose,
            rowsOf(relationshipMonthDose),
            relationshipMonthDoses(dose.engagementMonths).map((m) => {
              const d = diversity.get(relationshipMonthKey(m));
              return {
                engagement_id: m.engagementId,
                relationship_month: m.relationshipMonth,
                interactions: m.interactions,
                minutes: m.minutes,
                components_used: d?.componentsUsed ?? 0,
                entropy: d?.entropy ?? 0,
                dominant_component: d?.dominantComponent ?? null,
              };
            }),
          );
          const organization = organizationDose(dose);
          const orgRows = (d: typeof organizationMonthDose) => organizationRows(d, rowsOf(d.from));
          expect_(
            organizationMonthDose,
            orgRows(organizationMonthDose),
            organization.months.map((m) => ({
              calendar_month: m.calendarMonth,
              interactions: m.interactions,
              minutes: m.minutes,
              engagements: m.engagements,
            })),
          );
          expect_(
            organizationComponentMonthDose,
            orgRows(organizationComponentMonthDose),
            organization.componentMonths.map((m) => ({
              calendar_month: m.calendarMonth,
              component_id: m.componentId,
              interactions: m.interactions,
              minutes: m.minutes,
              activity_uses: m.activityUses,
            })),
          );
          expect_(
            organizationRelationshipComponentDose,
            orgRows(organizationRelationshipComponentDose),
            organization.relationshipComponents.map((m) => ({
              relationship_month: m.relationshipMonth,
              component_id: m.componentId,
              interactions: m.interactions,
              minutes: m.minutes,
              activity_uses: m.activityUses,
            })),
          );
          expect_(
            organizationModeMonthUse,
            orgRows(organizationModeMonthUse),
            organization.modeMonths.map((m) => ({
              calendar_month: m.calendarMonth,
              mode: m.mode,
              interactions: m.interactions,
              minutes: m.minutes,
            })),
          );
          expect_(
            organizationPrincipleMonthUse,
            orgRows(organizationPrincipleMonthUse),
            organization.principleMonths.map((m) => ({
              calendar_month: m.calendarMonth,
              principle_id: m.principleId,
              interactions: m.interactions,
              ratings: m.ratings,
              rating_sum: m.ratingSum,
            })),
          );
          expect_(
            organizationActivityMonthUse,
            orgRows(organizationActivityMonthUse),
            organization.activityMonths.map((m) => ({
              calendar_month: m.calendarMonth,
              component_id: m.componentId,
              activity_id: m.activityId,
              interactions: m.interactions,
            })),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('sum practitioner minutes per component and calendar month', () => {
    const rows = practitionerComponentMonth.rows({
      engagementId: 'e1',
      startDate: '2020-01-15',
      interactions: [
        {
          engagementId: 'e1',
          date: '2020-02-03',
          durationMinutes: 60,
          mode: 'video',
          loggedBy: 'u1',
          principles: [],
          nextSteps: [],
          components: [
            { componentId: 'relating', minutes: 20, activityIds: [] },
            { componentId: 'assessing', minutes: 30, activityIds: [] },
          ],
        },
        {
          engagementId: 'e1',
          date: '2020-02-20',
          durationMinutes: 60,
          mode: 'video',
          loggedBy: 'u1',
          principles: [],
          nextSteps: [],
          components: [{ componentId: 'relating', minutes: 15, activityIds: ['a'] }],
        },
        {
          engagementId: 'e1',
          date: '2020-02-21',
          durationMinutes: 60,
          mode: 'phone',
          loggedBy: 'u2',
          principles: [],
          nextSteps: [],
          components: [{ componentId: 'relating', minutes: 5, activityIds: [] }],
        },
      ],
    });
    expect(sorted(practitionerComponentMonth, rows)).toEqual([
      {
        engagement_id: 'e1',
        calendar_month: '2020-02',
        practitioner_id: 'u1',
        component_id: 'assessing',
        interactions: 1,
        minutes: 30,
      },
      {
        engagement_id: 'e1',
        calendar_month: '2020-02',
        practitioner_id: 'u1',
        component_id: 'relating',
        interactions: 2,
        minutes: 35,
      },
      {
        engagement_id: 'e1',
        calendar_month: '2020-02',
        practitioner_id: 'u2',
        component_id: 'relating',
        interactions: 1,
        minutes: 5,
      },
    ]);
  });

  it('count open next steps by owner and due month, so that overdue steps by owner are the months before today summed and today’s month counted', () => {
    fc.assert(
      fc.property(
        fc.array(interaction('e1'), { maxLength: 25 }),
        fc.array(interaction('e2'), { maxLength: 25 }),
        fc
          .integer({ min: 0, max: 480 })
          .map((d) => new Date(Date.UTC(2020, 0, 31) + d * 86_400_000).toISOString().slice(0, 10)),
        (first, second, today) => {
          const sources = [
            { engagementId: 'e1', startDate: '2020-01-31', interactions: first },
            { engagementId: 'e2', startDate: '2020-03-15', interactions: second },
          ];
          // The open steps as the next-step index holds them.
          const open = sources.flatMap((s) =>
            s.interactions.flatMap((i, n) => openNextStepRows({ ...i, id: `${s.engagementId}-${n}` })),
          );
          const counted = (steps: typeof open, key: (s: (typeof open)[number]) => string) => {
            const counts = new Map<string, number>();
            for (const step of steps) counts.set(key(step), (counts.get(key(step)) ?? 0) + 1);
            return counts;
          };
          const dated = open.filter((s) => s.dueDate !== null);
          const engagementRows = sources.flatMap((s) => nextStepDueMonth.rows(s));
          expect(
            new Map(
              engagementRows.map((r) => [
                [r.engagement_id, r.calendar_month, r.owner, r.due_month].join(' '),
                r.open_steps,
              ]),
            ),
          ).toEqual(
            counted(dated, (s) =>
              [s.engagementId, calendarMonth(s.interactionDate), s.owner, calendarMonth(s.dueDate!)].join(' '),
            ),
          );
          // Read as the lead's home reads it: due months before today's from the organization's rows,
          // this month's steps due before today from the index.
          const month = calendarMonth(today);
          const byOwner = new Map<string, number>();
          for (const row of organizationRows(organizationNextStepDueMonth, engagementRows))
            if ((row.due_month as string) < month)
              byOwner.set(row.owner as string, (byOwner.get(row.owner as string) ?? 0) + (row.open_steps as number));
          for (const step of dated)
            if (step.dueDate! >= `${month}-01` && step.dueDate! < today)
              byOwner.set(step.owner, (byOwner.get(step.owner) ?? 0) + 1);
          expect(byOwner).toEqual(
            counted(
              dated.filter((s) => s.dueDate! < today),
              (s) => s.owner,
            ),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
