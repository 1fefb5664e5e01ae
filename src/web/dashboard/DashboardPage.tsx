import { Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { OrganizationDashboard } from '../../domain/support/views.ts';
import type { ModelVocabulary } from '../api/support.ts';
import { organizationReportUrl } from '../analysis/analysis-api.ts';
import { ReportDownload } from '../analysis/ReportDownload.tsx';
import { Chart } from '../charts/Chart.tsx';
import { componentMixOption, doseOption } from '../../charts/options.ts';
import { commonModel } from '../engagements/common-model.ts';
import { useDashboard, useEngagements, useModelVocabulary } from '../engagements/engagement-hooks.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { componentMonths } from './dashboard-series.ts';
import { FigureCard } from '../layout/FigureCard.tsx';
import { WithHelp } from '../words/HelpTip.tsx';

function DashboardCharts({
  dashboard,
  model,
}: {
  dashboard: OrganizationDashboard;
  model: ModelVocabulary | undefined;
}) {
  const dose = useMemo(
    () =>
      doseOption(
        dashboard.byCalendarMonth.map((month) => ({
          month: month.calendarMonth,
          minutes: month.minutes,
          interactions: month.interactions,
        })),
        'calendar month',
      ),
    [dashboard],
  );
  const mix = useMemo(() => {
    const components =
      model?.components ??
      [...new Set(dashboard.componentsByCalendarMonth.map((row) => row.componentId))].map((id) => ({
        id,
        name: id,
        group: '',
      }));
    return componentMixOption(
      componentMonths(dashboard.componentsByCalendarMonth),
      components,
      model?.componentGroups ?? [],
      'calendar month',
    );
  }, [dashboard, model]);
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-label="Dose by calendar month">
        <WithHelp terms={['dose']}>
          <Title order={2} fz="md" mb="sm">
            Dose by calendar month
          </Title>
        </WithHelp>
        <Chart option={dose} label="Minutes and interactions of support by calendar month" height={280} />
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-label="Component minutes by month">
        <Title order={2} fz="md" mb="sm">
          Component minutes by month
        </Title>
        <Chart option={mix} label="Minutes per component by calendar month, stacked" height={420} />
      </Paper>
    </Stack>
  );
}

/** The organization's support at a glance: how much, when, and made of which components. */
export default function DashboardPage() {
  const organization = useOrganization();
  usePageTitle('Dashboard', organization.name);
  const dashboard = useDashboard(organization.id);
  const engagements = useEngagements(organization.id);
  const model = useModelVocabulary(organization.id, commonModel(engagements.data ?? []));

  if (dashboard.isPending) return <LoadingPage />;
  if (dashboard.isError) return <LoadErrorPage error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const { counts } = dashboard.data;
  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Figures from the monthly rollups of every logged interaction."
        actions={
          <ReportDownload
            label="Organization report"
            urlOf={(format) => organizationReportUrl(organization.id, format)}
          />
        }
      />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md" mb="md">
        <FigureCard label="Partners" value={counts.partners} />
        <FigureCard label="Engagements" value={counts.engagements} />
        <FigureCard label="Active engagements" value={counts.activeEngagements} />
        <FigureCard label="Interactions" value={counts.interactions.toLocaleString()} />
        <FigureCard label="Hours of support" value={Math.round(counts.minutes / 60).toLocaleString()} />
      </SimpleGrid>
      <DashboardCharts dashboard={dashboard.data} model={model.data} />
    </>
  );
}
