import { useMemo } from 'react';
import type { EngagementOverview } from '../../domain/support/views.ts';
import { Chart } from '../charts/Chart.tsx';
import { NoDataYet } from '../charts/NoDataYet.tsx';
import { doseOption, fillRelationshipMonths } from '../../charts/options.ts';

/** Support dose (minutes and interactions) in each month of the relationship. */
export function DoseChart({ overview }: { overview: EngagementOverview }) {
  const option = useMemo(() => {
    const months = fillRelationshipMonths(overview.doseByRelationshipMonth, (month) => ({
      month,
      interactions: 0,
      minutes: 0,
    }));
    return doseOption(
      months.map((month) => ({ ...month, month: String(month.month) })),
      'month of relationship',
    );
  }, [overview]);
  if (overview.totals.interactions === 0)
    return (
      <NoDataYet height={260}>
        No interactions logged yet. Minutes and interactions by month appear once the first is logged.
      </NoDataYet>
    );
  return <Chart option={option} label="Dose: minutes and interactions by month of relationship" height={260} />;
}
