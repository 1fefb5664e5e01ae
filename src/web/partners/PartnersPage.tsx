import { Anchor, Badge, Box, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { partnerPath } from '../engagements/engagement-paths.ts';
import { sentenceCase } from '../engagements/model-names.ts';
import { canEditRecords } from '../engagements/record-permissions.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { EmptyPanel } from '../layout/EmptyPanel.tsx';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { usePartners } from './partner-hooks.ts';
import { partnerTree } from './partner-tree.ts';
import { PartnerForm } from './PartnerForm.tsx';

const kindColors = { system: 'indigo', organization: 'blue', team: 'cyan' } as const;

/** The supported agencies and systems as a hierarchy: systems, their organizations, their teams. */
export default function PartnersPage() {
  const organization = useOrganization();
  usePageTitle('Partners', organization.name);
  const partners = usePartners(organization.id);
  const [adding, { open, close }] = useDisclosure(false);
  const canEdit = canEditRecords(organization.role);

  let content;
  if (partners.isPending) content = <LoadingPage />;
  else if (partners.isError) content = <LoadErrorPage error={partners.error} onRetry={() => void partners.refetch()} />;
  else if (partners.data.length === 0)
    content = (
      <EmptyPanel
        icon={<IconBuildingCommunity size={32} aria-hidden />}
        title="No partners yet"
        description="Add the systems, organizations and teams you support."
      />
    );
  else
    content = (
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Partners">
        {partnerTree(partners.data).map(({ partner, depth }) => (
          <Box component="li" key={partner.id} pl={{ base: depth * 12, sm: depth * 28 }}>
            <Paper
              withBorder
              p="sm"
              radius="md"
              style={{ borderLeft: `4px solid var(--mantine-color-${kindColors[partner.kind]}-5)` }}
            >
              <Group justify="space-between" gap="xs">
                <Group gap="xs">
                  <Anchor component={Link} to={partnerPath(organization.id, partner.id)} fw={600}>
                    {partner.name}
                  </Anchor>
                  <Badge size="xs" variant="light" color={kindColors[partner.kind]}>
                    {partner.kind}
                  </Badge>
                </Group>
                <Group gap={6}>
                  {partner.tags.map((tag) => (
                    <Badge key={tag} size="xs" variant="outline" color="gray" tt="none">
                      {tag}
                    </Badge>
                  ))}
                </Group>
              </Group>
              <Text size="xs" c="dimmed">
                {[partner.type && sentenceCase(partner.type), partner.region, partner.stateOrCountry]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </Text>
            </Paper>
          </Box>
        ))}
      </Stack>
    );

  return (
    <>
      <PageHeader
        title="Partners"
        description="The systems, organizations and teams your support reaches, each within the one above it."
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={open}>
              Add partner
            </Button>
          )
        }
      />
      {content}
      <Modal opened={adding} onClose={close} title="Add partner" size="lg">
        <PartnerForm orgId={organization.id} partners={partners.data ?? []} onDone={close} onCancel={close} />
      </Modal>
    </>
  );
}
