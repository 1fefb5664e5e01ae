import { useMemo } from 'react';
import type { EngagementOverview } from '../../domain/support/views.ts';
import { Chart } from '../charts/Chart.tsx';
import { NoDataYet } from '../charts/NoDataYet.tsx';
import { componentMixOption, fillRelationshipMonths } from '../../charts/options.ts';

/** Minutes per component in each month of the relationship, stacked and coloured by component group. */
export function ComponentMixChart({ overview }: { overview: EngagementOverview }) {
  const option = useMemo(() => {
    const months = fillRelationshipMonths(overview.componentMix, (month) => ({
      month,
      totalMinutes: 0,
      components: [],
    }));
    return componentMixOption(
      months.map((month) => ({ month: String(month.month), components: month.components })),
      overview.model.components,
      overview.model.componentGroups,
      'month of relationship',
    );
  }, [overview]);
  if (overview.componentMix.length === 0)
    return (
      <NoDataYet height={400}>
        No component minutes logged yet. The mix by month appears once an interaction with components is logged.
      </NoDataYet>
    );
  return <Chart option={option} label="Component mix: minutes per component by month of relationship" height={400} />;
}
