import type { EngagementOverview } from '../../domain/support/views.ts';
import { HistoryList } from '../history/HistoryList.tsx';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { usePartners } from '../partners/partner-hooks.ts';
import { usePeople } from '../people/usePeople.ts';
import { useEngagementHistory } from './engagement-hooks.ts';
import { modelNames } from './model-names.ts';

interface EngagementHistoryProps {
  orgId: string;
  engagementId: string;
  myUserId: string;
  /** Names stages in the changes, when the model version is known. */
  model?: EngagementOverview['model'];
}

/** Every version of an engagement: who changed what, with partners, people and stages by name. */
export function EngagementHistory({ orgId, engagementId, myUserId, model }: EngagementHistoryProps) {
  const history = useEngagementHistory(orgId, engagementId);
  const partners = usePartners(orgId);
  const { personName } = usePeople(orgId);
  const modelName = model ? modelNames(model) : () => undefined;
  const nameOf = (id: string) =>
    modelName(id) ?? personName(id) ?? partners.data?.find((partner) => partner.id === id)?.name;

  if (history.isPending) return <LoadingPage />;
  if (history.isError) return <LoadErrorPage error={history.error} onRetry={() => void history.refetch()} />;
  return <HistoryList entries={history.data} myUserId={myUserId} nameOf={nameOf} />;
}
