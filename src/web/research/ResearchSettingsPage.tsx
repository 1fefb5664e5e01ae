import { Alert, Button, Group, List, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { StoredResearchSettings } from '../../domain/accounts/schemas.ts';
import { errorMessageOf, isApiError } from '../api/client.ts';
import { HistoryList } from '../history/HistoryList.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { useSignedInSession } from '../session/useSession.ts';
import {
  fetchResearchSettings,
  fetchResearchSettingsHistory,
  researchSettingsKeys,
  saveResearchSettings,
} from './research-settings-api.ts';

const included = (on: boolean): string =>
  on ? 'Coaching is included in the research export.' : 'Coaching is left out of the research export.';

/** What the organization lets into its research export (administrators): today, the de-identified coaching ratings. */
export default function ResearchSettingsPage() {
  const organization = useOrganization();
  usePageTitle('Research settings', organization.name);
  const settings = useQuery({
    queryKey: researchSettingsKeys.settings(organization.id),
    queryFn: ({ signal }) => fetchResearchSettings(organization.id, signal),
  });
  if (settings.isPending) return <LoadingPage />;
  if (settings.isError) return <LoadErrorPage error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <>
      <ResearchSettingsForm key={settings.data.version} orgId={organization.id} loaded={settings.data} />
      <ResearchSettingsHistory orgId={organization.id} />
    </>
  );
}

function ResearchSettingsForm({ orgId, loaded }: { orgId: string; loaded: StoredResearchSettings }) {
  const queryClient = useQueryClient();
  const [includeCoaching, setIncludeCoaching] = useState(loaded.settings.includeCoaching);
  const [version, setVersion] = useState(loaded.version);
  /** The version someone else saved meanwhile, when a save was refused as stale. */
  const [saved, setSaved] = useState<StoredResearchSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (over: number) => {
    setError(null);
    setSaving(true);
    try {
      await saveResearchSettings(orgId, { includeCoaching }, over);
      setSaved(null);
      notifyDone('The research settings are saved.');
      await queryClient.invalidateQueries({ queryKey: researchSettingsKeys.all(orgId) });
    } catch (caught) {
      if (isApiError(caught) && caught.status === 409) {
        // Keep the choice in the form; show what was saved meanwhile, to keep one or the other.
        try {
          setSaved(await fetchResearchSettings(orgId));
        } catch (reload) {
          setError(errorMessageOf(reload));
        }
        void queryClient.invalidateQueries({ queryKey: researchSettingsKeys.history(orgId) });
      } else setError(errorMessageOf(caught));
    } finally {
      setSaving(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(version);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Research settings">
      <PageHeader
        title="Research settings"
        description="What the organization's research export may hold beyond the support record."
      />
      <Stack gap="md" maw={760}>
        {saved && (
          <Alert color="orange" role="alert" title="Someone changed this setting while you were editing">
            <Stack gap="xs">
              <Text size="sm">
                Saved now (version {saved.version}): {included(saved.settings.includeCoaching)} Your choice is still in
                the form: {included(includeCoaching)}
              </Text>
              <Group>
                <Button
                  size="xs"
                  loading={saving}
                  onClick={() => {
                    setVersion(saved.version);
                    void save(saved.version);
                  }}
                >
                  Keep my choice
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  disabled={saving}
                  onClick={() => {
                    setIncludeCoaching(saved.settings.includeCoaching);
                    setVersion(saved.version);
                    setSaved(null);
                  }}
                >
                  Take the saved setting
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="coaching-in-export">
          <Stack gap="xs">
            <Title order={2} fz="md" id="coaching-in-export">
              Coaching in the research export
            </Title>
            <Switch
              label="Include coaching in the research export"
              checked={includeCoaching}
              onChange={(event) => setIncludeCoaching(event.currentTarget.checked)}
            />
            <Text size="sm">
              Off by default. When it is on, researchers who export the record also get the coaching ratings,
              de-identified:
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>
                The quality rating (1 to 5) of each component rated in reviews of practice and observations, and each
                practice activity's rating, with the date and the model version.
              </List.Item>
              <List.Item>The practitioners' self-ratings of each component, with their date.</List.Item>
              <List.Item>
                Practitioners, coaches, engagements and interactions appear only under pseudonyms derived from the
                researcher's export key, never by name or email.
              </List.Item>
            </List>
            <Text size="sm">
              Feedback, comments, replies, observation notes, principle observations, coaching sessions and development
              goals never leave Praxis. Turning it off leaves coaching out of every export made from then on.
            </Text>
          </Stack>
        </Paper>
        {error && (
          <Alert color="red" role="alert" data-form-error>
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            Save research settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ResearchSettingsHistory({ orgId }: { orgId: string }) {
  const session = useSignedInSession();
  const history = useQuery({
    queryKey: researchSettingsKeys.history(orgId),
    queryFn: ({ signal }) => fetchResearchSettingsHistory(orgId, signal),
  });
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="research-settings-history"
      maw={760}
      mt="lg"
    >
      <Title order={2} fz="md" mb="sm" id="research-settings-history">
        History
      </Title>
      {history.isPending ? (
        <LoadingPage />
      ) : history.isError ? (
        <LoadErrorPage error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No changes yet: coaching has been left out of the research export since the organization began.
        </Text>
      ) : (
        <HistoryList entries={history.data} myUserId={session.user.id} />
      )}
    </Paper>
  );
}
