import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconPlus, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { languageName } from '../../domain/measurement/language.ts';
import type { Contact } from '../../domain/support/schemas.ts';
import { useEngagements } from '../engagements/engagement-hooks.ts';
import { engagementPath, partnerPath } from '../engagements/engagement-paths.ts';
import { sentenceCase } from '../engagements/model-names.ts';
import { canEditRecords } from '../engagements/record-permissions.ts';
import { formatDate } from '../format.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { NotFoundPage } from '../layout/NotFoundPage.tsx';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { ContactForm } from './ContactForm.tsx';
import { useContacts, usePartners } from './partner-hooks.ts';
import { PartnerForm } from './PartnerForm.tsx';

/** One partner: where it sits in the hierarchy, its people, and the engagements that support it. */
export default function PartnerPage() {
  const organization = useOrganization();
  const { partnerId = '' } = useParams();
  const partners = usePartners(organization.id);
  const contacts = useContacts(organization.id, partnerId);
  const engagements = useEngagements(organization.id);
  const [editing, edit] = useDisclosure(false);
  const [addingContact, addContact] = useDisclosure(false);
  const [editedContact, setEditedContact] = useState<Contact | null>(null);
  const canEdit = canEditRecords(organization.role);
  const partner = partners.data?.find((candidate) => candidate.id === partnerId);
  usePageTitle(partner?.name ?? 'Partner', organization.name);

  if (partners.isPending) return <LoadingPage />;
  if (partners.isError) return <LoadErrorPage error={partners.error} onRetry={() => void partners.refetch()} />;
  if (!partner) return <NotFoundPage />;
  const parent = partners.data.find((candidate) => candidate.id === partner.parentId);
  const children = partners.data.filter((candidate) => candidate.parentId === partner.id);
  const supporting = (engagements.data ?? []).filter((engagement) => engagement.partnerId === partner.id);

  return (
    <Stack gap="md">
      <Breadcrumbs styles={{ root: { flexWrap: 'wrap', rowGap: 4 }, breadcrumb: { whiteSpace: 'normal' } }} fz="sm">
        <Anchor component={Link} to={organizationPath(organization.id, 'partners')}>
          Partners
        </Anchor>
        {parent && (
          <Anchor component={Link} to={partnerPath(organization.id, parent.id)}>
            {parent.name}
          </Anchor>
        )}
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 24, sm: 30 }}>
            {partner.name}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{partner.kind}</Badge>
            {partner.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        </Stack>
        {canEdit && (
          <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={edit.open}>
            Edit partner
          </Button>
        )}
      </Group>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {[
            ['Type', partner.type ? sentenceCase(partner.type) : '—'],
            ['Region', partner.region || '—'],
            ['State or country', partner.stateOrCountry || '—'],
            ['Part of', parent?.name ?? '—'],
          ].map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                {label}
              </Text>
              <Text size="sm" data-record-text>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="contacts-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="md" id="contacts-heading">
            Contacts
          </Title>
          {canEdit && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconUserPlus size={16} aria-hidden />}
              onClick={addContact.open}
            >
              Add contact
            </Button>
          )}
        </Group>
        {(contacts.data ?? []).length === 0 ? (
          <Text c="dimmed" size="sm">
            No contacts recorded.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Level</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Language</Table.Th>
                  {canEdit && <Table.Th aria-label="Edit" />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(contacts.data ?? []).map((contact) => (
                  <Table.Tr key={contact.id}>
                    <Table.Td>{contact.name}</Table.Td>
                    <Table.Td>{contact.level}</Table.Td>
                    <Table.Td>{contact.role || '—'}</Table.Td>
                    <Table.Td>{contact.email || '—'}</Table.Td>
                    <Table.Td>{contact.language ? languageName(contact.language) : '—'}</Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={`Edit ${contact.name}`}
                          onClick={() => setEditedContact(contact)}
                        >
                          Edit
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} fz="md">
              Engagements
            </Title>
            {canEdit && (
              <Button
                component={Link}
                to={`${organizationPath(organization.id, 'engagements/new')}?partnerId=${encodeURIComponent(partner.id)}`}
                size="xs"
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
              >
                New engagement
              </Button>
            )}
          </Group>
          {supporting.length === 0 ? (
            <Text c="dimmed" size="sm">
              None.
            </Text>
          ) : (
            <Stack gap={4}>
              {supporting.map((engagement) => (
                <Anchor
                  key={engagement.id}
                  component={Link}
                  to={engagementPath(organization.id, engagement.id)}
                  size="sm"
                >
                  {engagement.name}{' '}
                  <Text span c="dimmed" size="xs">
                    since {formatDate(engagement.startDate)}
                  </Text>
                </Anchor>
              ))}
            </Stack>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="md" mb="sm">
            Within this partner
          </Title>
          {children.length === 0 ? (
            <Text c="dimmed" size="sm">
              None.
            </Text>
          ) : (
            <Stack gap={4}>
              {children.map((child) => (
                <Anchor key={child.id} component={Link} to={partnerPath(organization.id, child.id)} size="sm">
                  {child.name}{' '}
                  <Text span c="dimmed" size="xs">
                    {child.kind}
                  </Text>
                </Anchor>
              ))}
            </Stack>
          )}
        </Paper>
      </SimpleGrid>

      <Modal
        opened={editing}
        onClose={edit.close}
        title="Edit partner"
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <PartnerForm
          orgId={organization.id}
          partners={partners.data}
          partner={partner}
          onDone={edit.close}
          onCancel={edit.close}
        />
      </Modal>
      <Modal
        opened={addingContact}
        onClose={addContact.close}
        title={`Add a contact at ${partner.name}`}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <ContactForm orgId={organization.id} partnerId={partner.id} onDone={addContact.close} />
      </Modal>
      <Modal
        opened={editedContact !== null}
        onClose={() => setEditedContact(null)}
        title={`Edit ${editedContact?.name ?? 'contact'}`}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {editedContact && (
          <ContactForm
            key={editedContact.id}
            orgId={organization.id}
            partnerId={partner.id}
            contact={editedContact}
            onDone={() => setEditedContact(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
