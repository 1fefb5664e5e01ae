import { Alert, Grid, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Chart } from '../charts/Chart.tsx';
import {
  barsOption,
  componentMixOption,
  diversityOption,
  doseDistributionOption,
  doseOption,
} from '../../charts/options.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import type { AnalysisFilter, Descriptives, PracticeUse, Vocabulary } from './analysis-api.ts';
import { organizationReportUrl, useDescriptives, usePracticeUse } from './analysis-api.ts';
import { filterFromSearch, formatFigure, formatShare, searchFromFilter } from './analysis-filter.ts';
import { AnalysisFilters } from './AnalysisFilters.tsx';
import { ReportDownload } from './ReportDownload.tsx';
import { countOf } from '../../domain/count-of.ts';
import type { GlossaryTerm } from '../words/glossary.ts';
import { WithHelp } from '../words/HelpTip.tsx';
import { splitTransitions } from './transitions.ts';
import type { Transition } from './transitions.ts';
import { FigureCard } from '../layout/FigureCard.tsx';

function Section({
  title,
  method,
  help = [],
  children,
}: {
  title: string;
  method?: string;
  /** The glossary terms the title and method use. */
  help?: readonly GlossaryTerm[];
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title} h="100%">
      <WithHelp terms={help}>
        <Title order={2} fz="md">
          {title}
        </Title>
      </WithHelp>
      {method && (
        <Text size="xs" c="dimmed" mb="sm">
          Method: {method}.
        </Text>
      )}
      {children}
    </Paper>
  );
}

function Note({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" size="sm" fs="italic">
      {children}
    </Text>
  );
}

function FigureTable({
  columns,
  rows,
  caption,
}: {
  columns: { title: string; numeric?: boolean }[];
  rows: string[][];
  caption?: string;
}) {
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped fz="sm" captionSide="top">
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.title} ta={c.numeric ? 'right' : 'left'}>
                {c.title}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, r) => (
            <Table.Tr key={r}>
              {row.map((cell, i) => (
                <Table.Td key={i} ta={columns[i]?.numeric ? 'right' : 'left'}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Staying with a component and moving to another, in two tables: a long run of one component is not a transition. */
function TransitionTables({ transitions, nameOf }: { transitions: Transition[]; nameOf: (id: string) => string }) {
  const split = splitTransitions(transitions);
  const pairs = split.stayed + split.moved;
  const share = (count: number) => (pairs > 0 ? `${Math.round((100 * count) / pairs)}%` : '—');
  return (
    <Stack gap="sm">
      <Text size="sm">
        Of {countOf(pairs, 'pair')} of consecutive months, {countOf(split.stayed, 'pair')} ({share(split.stayed)}) kept
        the same dominant component and {countOf(split.moved, 'pair')} ({share(split.moved)}) moved to another.
      </Text>
      {split.moves.length > 0 ? (
        <FigureTable
          caption="Moved to another component"
          columns={[{ title: 'From' }, { title: 'To' }, { title: 'Count', numeric: true }]}
          rows={split.moves.slice(0, 12).map((t) => [nameOf(t.from), nameOf(t.to), formatFigure(t.count)])}
        />
      ) : (
        <Note>No engagement has moved from one dominant component to another yet.</Note>
      )}
      {split.stays.length > 0 && (
        <FigureTable
          caption="Stayed with the same component"
          columns={[{ title: 'Component' }, { title: 'Count', numeric: true }]}
          rows={split.stays.slice(0, 12).map((t) => [nameOf(t.componentId), formatFigure(t.count)])}
        />
      )}
    </Stack>
  );
}

const namesOf = (vocabulary: Vocabulary) => {
  const names = new Map<string, string>(
    [...vocabulary.components, ...vocabulary.componentGroups, ...vocabulary.principles, ...vocabulary.stages].map(
      (item) => [item.id, item.name],
    ),
  );
  return (id: string) => names.get(id) ?? id;
};

function DoseViews({ d }: { d: Descriptives }) {
  const enough = d.doseByRelationshipMonth.filter((m) => m.engagements >= d.minimumEngagements);
  const distribution = useMemo(
    () =>
      doseDistributionOption(
        enough.map((m) => ({ ...m, month: String(m.month) })),
        'month of relationship',
      ),
    [enough],
  );
  const calendar = useMemo(
    () =>
      doseOption(
        d.doseByCalendarMonth.map((m) => ({
          month: m.calendarMonth,
          minutes: m.minutes,
          interactions: m.interactions,
        })),
        'calendar month',
      ),
    [d],
  );
  return (
    <>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Section
          title="Dose by month of relationship across engagements"
          help={['dose', 'month of relationship', 'interquartile range']}
          method={`minutes per engagement: mean, median and interquartile range (R type-7 quantiles); months without contact count as zero; months with fewer than ${d.minimumEngagements} engagements left out`}
        >
          {enough.length ? (
            <Chart
              option={distribution}
              label="Minutes per engagement by month of relationship: mean, median and interquartile range"
              height={300}
            />
          ) : (
            <Note>
              Too few engagements: this view needs at least {d.minimumEngagements} engagements in a month of
              relationship ({d.engagements} selected).
            </Note>
          )}
        </Section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Section
          title="Dose by calendar month"
          help={['dose']}
          method="sum of minutes and interactions in each calendar month"
        >
          {d.doseByCalendarMonth.length ? (
            <Chart option={calendar} label="Minutes and interactions by calendar month" height={300} />
          ) : (
            <Note>No interactions in this period.</Note>
          )}
        </Section>
      </Grid.Col>
    </>
  );
}

function MixView({ d, nameOf }: { d: Descriptives; nameOf: (id: string) => string }) {
  const option = useMemo(() => {
    const known = new Set(d.vocabulary.components.map((c) => c.id));
    const components = [
      ...d.vocabulary.components,
      ...d.minutesByComponent
        .filter((c) => !known.has(c.componentId))
        .map((c) => ({ id: c.componentId, name: c.componentId, group: c.group })),
    ];
    const months = d.componentMix.map((m) => ({
      month: String(m.month),
      components: Object.entries(m.shares).map(([componentId, share]) => ({
        componentId,
        minutes: Math.round(share * m.totalMinutes),
      })),
    }));
    return componentMixOption(months, components, d.vocabulary.componentGroups, 'month of relationship');
  }, [d]);
  const total = d.minutesByComponent.reduce((s, c) => s + c.minutes, 0);
  return (
    <Section
      title="Component mix over months of relationship"
      help={['month of relationship']}
      method="minutes per component, pooled over the selected engagements"
    >
      {d.componentMix.length ? (
        <>
          <Chart option={option} label="Minutes per component by month of relationship, stacked" height={420} />
          <FigureTable
            caption="Minutes per component"
            columns={[
              { title: 'Component' },
              { title: 'Group' },
              { title: 'Minutes', numeric: true },
              { title: 'Share', numeric: true },
            ]}
            rows={d.minutesByComponent.map((c) => [
              nameOf(c.componentId),
              nameOf(c.group),
              formatFigure(c.minutes),
              formatShare(total ? c.minutes / total : null),
            ])}
          />
        </>
      ) : (
        <Note>No component time recorded in this period.</Note>
      )}
    </Section>
  );
}

function PracticeViews({
  use,
  vocabulary,
  nameOf,
}: {
  use: PracticeUse;
  vocabulary: Vocabulary;
  nameOf: (id: string) => string;
}) {
  const principles = useMemo(
    () =>
      barsOption(
        use.principles.map((p) => ({ label: nameOf(p.principleId), value: p.rate ?? 0 })),
        'share of interactions',
        true,
      ),
    [use, nameOf],
  );
  const modes = useMemo(
    () =>
      barsOption(
        use.modeMix.map((m) => ({ label: m.mode, value: m.share ?? 0 })),
        'share of interactions',
        true,
      ),
    [use],
  );
  const activityLabel = new Map(
    vocabulary.components.flatMap((c) => c.activities.map((a) => [`${c.id}|${a.id}`, a.label] as const)),
  );
  const activities = use.activities.filter((a) => a.componentInteractions > 0);
  const none = use.interactions === 0;
  return (
    <>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Section
          title="Principle use"
          method="share of interactions applying each principle; mean of the 1–5 self-ratings"
        >
          {none ? (
            <Note>No interactions in this period.</Note>
          ) : (
            <>
              <Chart
                option={principles}
                label="Share of interactions applying each principle"
                height={48 + use.principles.length * 26}
              />
              <FigureTable
                columns={[
                  { title: 'Principle' },
                  { title: 'Interactions', numeric: true },
                  { title: 'Share', numeric: true },
                  { title: 'Mean rating', numeric: true },
                ]}
                rows={use.principles.map((p) => [
                  nameOf(p.principleId),
                  formatFigure(p.interactions),
                  formatShare(p.rate),
                  formatFigure(p.meanRating, 2),
                ])}
              />
            </>
          )}
        </Section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Section title="Mode mix" method="share of interactions by mode of contact">
          {none ? (
            <Note>No interactions in this period.</Note>
          ) : (
            <>
              <Chart option={modes} label="Share of interactions by mode" height={48 + use.modeMix.length * 26} />
              <FigureTable
                columns={[
                  { title: 'Mode' },
                  { title: 'Interactions', numeric: true },
                  { title: 'Minutes', numeric: true },
                  { title: 'Share', numeric: true },
                ]}
                rows={use.modeMix.map((m) => [
                  m.mode,
                  formatFigure(m.interactions),
                  formatFigure(m.minutes),
                  formatShare(m.share),
                ])}
              />
            </>
          )}
        </Section>
      </Grid.Col>
      <Grid.Col span={12}>
        <Section
          title="Practice-activity use rates"
          method="share of the component's interactions in which the activity was used"
        >
          {activities.length ? (
            <FigureTable
              columns={[
                { title: 'Component' },
                { title: 'Activity' },
                { title: 'Uses', numeric: true },
                { title: 'Component interactions', numeric: true },
                { title: 'Use rate', numeric: true },
              ]}
              rows={activities.map((a) => [
                nameOf(a.componentId),
                activityLabel.get(`${a.componentId}|${a.activityId}`) ?? a.activityId,
                formatFigure(a.uses),
                formatFigure(a.componentInteractions),
                formatShare(a.rate),
              ])}
            />
          ) : (
            <Note>No practice activities recorded in this period.</Note>
          )}
        </Section>
      </Grid.Col>
    </>
  );
}

function PatternViews({ d, nameOf }: { d: Descriptives; nameOf: (id: string) => string }) {
  const diversity = useMemo(
    () =>
      diversityOption(
        d.diversityByRelationshipMonth.map((m) => ({
          month: String(m.month),
          entropy: m.meanEntropy,
          componentsUsed: m.meanComponentsUsed,
        })),
        'month of relationship',
      ),
    [d],
  );
  const hasStages = d.stageTiming.some((s) => s.engagements > 0);
  return (
    <>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Section
          title="Diversity of component use"
          help={['entropy']}
          method="Shannon entropy, natural log (H = −Σ pᵢ ln pᵢ over minutes per component in an engagement-month), and number of components used; means over engagement-months with contact"
        >
          {d.diversityByRelationshipMonth.length ? (
            <Chart
              option={diversity}
              label="Mean Shannon entropy and components used by month of relationship"
              height={280}
            />
          ) : (
            <Note>No component time recorded in this period.</Note>
          )}
          <FigureTable
            caption="Early versus later"
            columns={[
              { title: 'Period' },
              { title: 'Engagement-months', numeric: true },
              { title: 'Mean components used', numeric: true },
              { title: 'Mean Shannon entropy', numeric: true },
            ]}
            rows={d.earlyVersusLater.map((p) => [
              p.period === 'early' ? 'Months 1–6' : 'Month 7 on',
              formatFigure(p.engagementMonths),
              formatFigure(p.meanComponentsUsed, 2),
              formatFigure(p.meanEntropy, 3),
            ])}
          />
        </Section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Section
          title="Transitions between dominant components"
          method="the component with the most minutes in consecutive months with contact, counted within each engagement"
        >
          {d.transitions.length ? (
            <TransitionTables transitions={d.transitions} nameOf={nameOf} />
          ) : (
            <Note>No month-to-month transitions yet.</Note>
          )}
        </Section>
      </Grid.Col>
      <Grid.Col span={12}>
        <Section
          title="Stage timing"
          help={['month of relationship']}
          method="median (R type-7 quantile) month of relationship at entry; median days over completed stages only"
        >
          {hasStages ? (
            <FigureTable
              columns={[
                { title: 'Stage' },
                { title: 'Entered', numeric: true },
                { title: 'In it now', numeric: true },
                { title: 'Median entry month', numeric: true },
                { title: 'Completed', numeric: true },
                { title: 'Median days (completed)', numeric: true },
              ]}
              rows={d.stageTiming.map((s) => [
                nameOf(s.stageId),
                formatFigure(s.engagements),
                formatFigure(s.current),
                formatFigure(s.medianStartMonth, 1),
                formatFigure(s.completed),
                formatFigure(s.medianDaysCompleted, 1),
              ])}
            />
          ) : (
            <Note>No stages recorded.</Note>
          )}
        </Section>
      </Grid.Col>
    </>
  );
}

function AnalysisViews({ d, use }: { d: Descriptives; use: PracticeUse | undefined }) {
  const nameOf = useMemo(() => namesOf(d.vocabulary), [d.vocabulary]);
  if (d.engagements === 0) {
    return (
      <Alert icon={<IconInfoCircle aria-hidden />} title="No engagements match these filters" color="gray">
        Widen the filters to see descriptives.
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <FigureCard label="Engagements" value={formatFigure(d.engagements)} />
        <FigureCard label="Interactions" value={formatFigure(d.totals.interactions)} />
        <FigureCard label="Hours of support" value={formatFigure(d.totals.minutes / 60, 1)} />
      </SimpleGrid>
      {d.engagements < d.minimumEngagements && (
        <Alert
          icon={<IconInfoCircle aria-hidden />}
          color="yellow"
          title={`Fewer than ${d.minimumEngagements} engagements`}
        >
          Views across engagements (mean, median and interquartile range) need at least {d.minimumEngagements}{' '}
          engagements; figures below describe the {d.engagements} selected.
        </Alert>
      )}
      <Grid gap="md">
        <DoseViews d={d} />
        <Grid.Col span={12}>
          <MixView d={d} nameOf={nameOf} />
        </Grid.Col>
        {use ? <PracticeViews use={use} vocabulary={d.vocabulary} nameOf={nameOf} /> : null}
        <PatternViews d={d} nameOf={nameOf} />
      </Grid>
    </Stack>
  );
}

/** Descriptives across engagements, filtered: dose, its make-up, practice use, diversity, transitions and stages, each naming its method. */
export default function AnalysisPage() {
  const organization = useOrganization();
  usePageTitle('Analysis', organization.name);
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  const setFilter = (next: AnalysisFilter) => setSearch(searchFromFilter(next), { replace: true });
  const descriptives = useDescriptives(organization.id, filter);
  const practice = usePracticeUse(organization.id, filter);
  const stages = descriptives.data?.vocabulary.stages ?? [];

  return (
    <>
      <PageHeader
        title="Analysis"
        description="Descriptives across engagements, from the monthly rollups and the logged interactions."
        actions={
          <ReportDownload
            label="Organization report"
            urlOf={(format) => organizationReportUrl(organization.id, format, filter)}
          />
        }
      />
      <AnalysisFilters orgId={organization.id} filter={filter} onChange={setFilter} stages={stages} />
      {descriptives.isPending ? (
        <LoadingPage />
      ) : descriptives.isError ? (
        <LoadErrorPage error={descriptives.error} onRetry={() => void descriptives.refetch()} />
      ) : (
        <AnalysisViews d={descriptives.data} use={practice.data} />
      )}
    </>
  );
}
