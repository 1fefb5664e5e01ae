import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBook2, IconKey, IconUserCircle, IconUsers } from '@tabler/icons-react';
import { roleLabels } from '../../domain/roles.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { organizationPath } from '../organizations/organization-paths.ts';
import { canAdminister } from '../organizations/permissions.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { useSignedInSession } from '../session/useSession.ts';
import { AboutPraxis } from './AboutPraxis.tsx';
import { FeatureCard } from './FeatureCard.tsx';

/** An organization's front page: who you are here, what Praxis is, and where to go. */
export function OrganizationHomePage() {
  const organization = useOrganization();
  const { user } = useSignedInSession();
  usePageTitle(organization.name);

  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <Text c="dimmed" fz="sm">
          Welcome, {user.name}
        </Text>
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {organization.name}
        </Title>
        <Group gap="xs">
          <Text fz="sm">Your role:</Text>
          <Badge variant="light" size="lg" tt="none">
            {roleLabels[organization.role]}
          </Badge>
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="nav" aria-label="Go to">
        <FeatureCard
          to={organizationPath(organization.id, 'models')}
          title="Practice models"
          description="The models your support is planned and recorded with, and their versions."
          icon={<IconBook2 size={22} />}
        />
        {canAdminister(organization.role) && (
          <>
            <FeatureCard
              to={organizationPath(organization.id, 'admin/members')}
              title="Members"
              description="Add people to the organization and choose their roles."
              icon={<IconUsers size={22} />}
            />
            <FeatureCard
              to={organizationPath(organization.id, 'admin/tokens')}
              title="API tokens"
              description="Keys for scripts and integrations that use the HTTP API."
              icon={<IconKey size={22} />}
            />
          </>
        )}
        <FeatureCard
          to="/profile"
          title="Your profile"
          description="Your display name and password."
          icon={<IconUserCircle size={22} />}
        />
      </SimpleGrid>

      <AboutPraxis />
    </Stack>
  );
}
