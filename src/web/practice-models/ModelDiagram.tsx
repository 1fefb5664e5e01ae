import { ActionIcon, Anchor, Box, Group, Loader, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { IconExternalLink, IconZoomIn, IconZoomOut, IconZoomReset } from '@tabler/icons-react';
import { useState } from 'react';
import { modelDiagramUrl, modelStatusDiagramUrl } from '../api/practice-models.ts';

const ZOOM_STEPS = [1, 1.5, 2, 3] as const;

interface ModelDiagramProps {
  orgId: string;
  modelId: string;
  version: string;
  name: string;
}

/** The server-rendered theory-of-change diagram: scrollable, zoomable, optionally coloured by evidence status. */
export function ModelDiagram({ orgId, modelId, version, name }: ModelDiagramProps) {
  const [zoomStep, setZoomStep] = useState(0);
  const [statusOverlay, setStatusOverlay] = useState(false);
  const [loaded, setLoaded] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const src = statusOverlay ? modelStatusDiagramUrl(orgId, modelId, version) : modelDiagramUrl(orgId, modelId, version);
  const zoom = ZOOM_STEPS[zoomStep] ?? 1;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="diagram-heading">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="lg" id="diagram-heading">
            Theory-of-change diagram
          </Title>
          <Group gap="xs" wrap="nowrap">
            <ActionIcon
              variant="default"
              aria-label="Zoom out"
              disabled={zoomStep === 0}
              onClick={() => setZoomStep((step) => Math.max(0, step - 1))}
            >
              <IconZoomOut size={18} aria-hidden />
            </ActionIcon>
            <Text fz="sm" w={44} ta="center" aria-live="polite">
              {Math.round(zoom * 100)}%
            </Text>
            <ActionIcon
              variant="default"
              aria-label="Zoom in"
              disabled={zoomStep === ZOOM_STEPS.length - 1}
              onClick={() => setZoomStep((step) => Math.min(ZOOM_STEPS.length - 1, step + 1))}
            >
              <IconZoomIn size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              aria-label="Fit to width"
              disabled={zoomStep === 0}
              onClick={() => setZoomStep(0)}
            >
              <IconZoomReset size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <Group justify="space-between" gap="sm">
          <Switch
            label="Colour links by evidence status"
            checked={statusOverlay}
            onChange={(event) => setStatusOverlay(event.currentTarget.checked)}
          />
          <Anchor
            href={src}
            target="_blank"
            rel="noreferrer"
            fz="sm"
            aria-label="Open for printing: the diagram, in a new tab"
          >
            <Group gap={4} wrap="nowrap" component="span">
              Open for printing <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
        </Group>
        <Box
          tabIndex={0}
          role="group"
          aria-label="Diagram, scroll to see all of it"
          style={{
            overflow: 'auto',
            maxHeight: '75vh',
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 'var(--mantine-radius-sm)',
            background: 'white',
            position: 'relative',
          }}
        >
          {loaded !== src && failed !== src && (
            <Group justify="center" p="xl" style={{ position: 'absolute', inset: 0 }}>
              <Loader size="sm" role="status" aria-label="Loading the diagram" />
            </Group>
          )}
          {failed === src ? (
            <Text c="red" p="md" role="alert">
              The diagram could not be drawn. Reload the page to try again.
            </Text>
          ) : (
            <img
              src={src}
              alt={`Theory-of-change diagram of ${name}, version ${version}: component groups, constructs and outcomes linked by hypotheses; each part is also listed below.`}
              data-testid="model-diagram"
              onLoad={() => setLoaded(src)}
              onError={() => setFailed(src)}
              style={{
                display: 'block',
                width: `calc(${zoom} * max(100%, 640px))`,
                maxWidth: 'none',
                height: 'auto',
                minHeight: loaded === src ? undefined : 200,
              }}
            />
          )}
        </Box>
      </Stack>
    </Paper>
  );
}
