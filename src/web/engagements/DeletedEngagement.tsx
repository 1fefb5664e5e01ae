import { Alert, Anchor, Breadcrumbs, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Engagement } from '../../domain/support/schemas.ts';
import { formatDate } from '../format.ts';
import { organizationPath } from '../organizations/organization-paths.ts';
import { EngagementActions } from './EngagementActions.tsx';
import { EngagementHistory } from './EngagementHistory.tsx';

interface DeletedEngagementProps {
  orgId: string;
  engagement: Engagement;
  myUserId: string;
  canEdit: boolean;
}

/** A deleted engagement has no figures; its page says so, keeps its history in view and offers the restore. */
export function DeletedEngagement({ orgId, engagement, myUserId, canEdit }: DeletedEngagementProps) {
  return (
    <Stack gap="md">
      <Breadcrumbs fz="sm">
        <Anchor component={Link} to={organizationPath(orgId, 'engagements')}>
          Engagements
        </Anchor>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          {engagement.name}
        </Title>
        {canEdit && <EngagementActions orgId={orgId} engagement={engagement} />}
      </Group>
      <Alert color="red" title="Deleted">
        This engagement was deleted on {formatDate(engagement.deletedAt)}. Its interactions no longer count in the
        dashboard; restore it to count them again.
      </Alert>
      <Paper withBorder p="md" radius="md" component="section" aria-label="History">
        <Text fw={700} mb="sm">
          History
        </Text>
        <EngagementHistory orgId={orgId} engagementId={engagement.id} myUserId={myUserId} />
      </Paper>
    </Stack>
  );
}
