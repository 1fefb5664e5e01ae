import { Stack, Text, Title } from '@mantine/core';
import type { OrganizationWithRole } from '../../domain/accounts/schemas.ts';
import { SectionCard } from '../layout/SectionCard.tsx';
import { CalendarFeedPanel } from './CalendarFeedPanel.tsx';

/** The profile's calendar feeds, one per organization the person belongs to. */
export function CalendarSection({ organizations }: { organizations: readonly OrganizationWithRole[] }) {
  const several = organizations.length > 1;
  return (
    <SectionCard title="Calendar">
      {organizations.length === 0 && (
        <Text fz="sm" c="dimmed">
          Join an organization to get a calendar address for its dates.
        </Text>
      )}
      {organizations.map((organization) => (
        <Stack key={organization.id} gap="xs">
          {several && (
            <Title order={3} fz="md">
              {organization.name}
            </Title>
          )}
          <CalendarFeedPanel orgId={organization.id} organizationName={organization.name} />
        </Stack>
      ))}
    </SectionCard>
  );
}
