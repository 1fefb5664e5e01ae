import { Stack } from '@mantine/core';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { AboutPraxis } from './AboutPraxis.tsx';

/** What Praxis is and which practice model it starts from, one link away from every home page. */
export function AboutPage() {
  const organization = useOrganization();
  usePageTitle('About Praxis', organization.name);
  return (
    <Stack gap="md">
      <PageHeader title="About Praxis" />
      <AboutPraxis />
    </Stack>
  );
}
