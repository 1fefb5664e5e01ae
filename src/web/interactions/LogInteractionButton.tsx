import { Button, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Engagement } from '../../domain/support/schemas.ts';
import { useEngagements } from '../engagements/engagement-hooks.ts';
import { engagementPath } from '../engagements/engagement-paths.ts';

/** Engagements to log against: open ones only, the person's own first, then by name. */
export function engagementChoices(
  engagements: readonly Engagement[],
  myUserId: string,
  today: string,
): { group: string; items: { value: string; label: string }[] }[] {
  const open = engagements.filter((e) => e.deletedAt === null && (e.endDate === null || e.endDate >= today));
  const byName = (a: Engagement, b: Engagement) => a.name.localeCompare(b.name);
  const item = (e: Engagement) => ({ value: e.id, label: e.name });
  const mine = open.filter((e) => e.supportTeam.includes(myUserId)).sort(byName);
  const others = open.filter((e) => !e.supportTeam.includes(myUserId)).sort(byName);
  return [
    { group: 'My engagements', items: mine.map(item) },
    { group: 'Other engagements', items: others.map(item) },
  ].filter((group) => group.items.length > 0);
}

/**
 * "Log interaction" from anywhere: pick the engagement, then go to its log form. The picker opens
 * with the person's own engagements first.
 */
export function LogInteractionButton({ orgId, myUserId }: { orgId: string; myUserId: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [engagementId, setEngagementId] = useState<string | null>(null);
  const navigate = useNavigate();
  const engagements = useEngagements(orgId);
  const today = new Date().toISOString().slice(0, 10);
  const choices = useMemo(
    () => engagementChoices(engagements.data ?? [], myUserId, today),
    [engagements.data, myUserId, today],
  );
  const proceed = () => {
    if (engagementId) void navigate(engagementPath(orgId, engagementId, 'log'));
  };

  return (
    <>
      <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={open}>
        Log interaction
      </Button>
      <Modal opened={opened} onClose={close} title="Log an interaction">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            proceed();
          }}
        >
          <Stack>
            <Select
              label="Engagement"
              placeholder={engagements.isPending ? 'Loading engagements…' : 'Choose an engagement'}
              data={choices}
              value={engagementId}
              onChange={setEngagementId}
              searchable
              nothingFoundMessage="No open engagement by that name"
              data-autofocus
              comboboxProps={{ withinPortal: false }}
            />
            {engagements.isSuccess && choices.length === 0 && (
              <Text size="sm" c="dimmed">
                There is no open engagement to log against yet.
              </Text>
            )}
            <Button type="submit" disabled={engagementId === null}>
              Continue
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
