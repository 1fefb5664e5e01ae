import { Stack } from '@mantine/core';
import type { ModelSummary } from '../../domain/models.ts';
import { usePhoneLayout } from '../hooks/usePhoneLayout.ts';
import { PracticeModelCard } from './PracticeModelCard.tsx';
import { PracticeModelsTable } from './PracticeModelsTable.tsx';

/** The models as a table, or as cards on a phone. */
export function PracticeModelList({ orgId, models }: { orgId: string; models: readonly ModelSummary[] }) {
  const phone = usePhoneLayout();
  if (!phone) return <PracticeModelsTable orgId={orgId} models={models} />;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Practice models">
      {models.map((model) => (
        <PracticeModelCard key={model.id} orgId={orgId} model={model} />
      ))}
    </Stack>
  );
}
