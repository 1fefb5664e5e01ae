import { Anchor, List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { SetupStep } from '../../domain/home/views.ts';
import { organizationPath } from '../organizations/organization-paths.ts';

const steps: Record<SetupStep['id'], { label: string; detail: string; path: string }> = {
  model: {
    label: 'Choose the practice model',
    detail: 'The EIS theory of change is ready to use; publish your own if your team works to another.',
    path: 'models',
  },
  members: {
    label: 'Invite your team',
    detail: 'Practitioners, leads, researchers and partners, each in their role.',
    path: 'admin/members',
  },
  partners: { label: 'Add partners', detail: 'The agencies and systems your team supports.', path: 'partners' },
  engagement: {
    label: 'Start the first engagement',
    detail: 'A support relationship with a partner, its team and its stages.',
    path: 'engagements/new',
  },
};

/** What an administrator of a new organization does first, each step checked off from the record. */
export function SetupChecklist({ orgId, setup }: { orgId: string; setup: SetupStep[] }) {
  return (
    <List spacing="sm" aria-label="Setup checklist" center={false}>
      {setup.map((step) => {
        const { label, detail, path } = steps[step.id];
        return (
          <List.Item
            key={step.id}
            icon={
              <ThemeIcon
                color={step.done ? 'teal' : 'gray'}
                variant={step.done ? 'filled' : 'light'}
                size={22}
                radius="xl"
              >
                {step.done ? <IconCheck size={14} aria-hidden /> : <IconCircleDashed size={14} aria-hidden />}
              </ThemeIcon>
            }
          >
            <Anchor component={Link} to={organizationPath(orgId, path)} fw={600}>
              {label}
            </Anchor>
            <Text span size="sm" c="dimmed">
              {' '}
              — {step.done ? 'done' : 'to do'}. {detail}
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}
