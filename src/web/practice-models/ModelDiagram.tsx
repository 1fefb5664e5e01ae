import { Loader, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { fetchModelDiagram } from '../api/practice-models.ts';
import { queryKeys } from '../query-keys.ts';
import { DiagramViewer } from './DiagramViewer.tsx';

interface ModelDiagramProps {
  orgId: string;
  modelId: string;
  version: string;
  name: string;
}

/** The server-drawn theory-of-change diagram: fitted, zoomable, downloadable, optionally coloured by evidence status. */
export function ModelDiagram({ orgId, modelId, version, name }: ModelDiagramProps) {
  const [statusOverlay, setStatusOverlay] = useState(false);
  const overlay = statusOverlay ? 'status' : 'none';
  const diagram = useQuery({
    queryKey: queryKeys.modelDiagram(orgId, modelId, version, overlay),
    queryFn: ({ signal }) => fetchModelDiagram(orgId, modelId, version, overlay, signal),
    placeholderData: (previous) => previous,
  });
  // The models list links to this section; it can be scrolled to only once the diagram has its height.
  const section = useRef<HTMLElement>(null);
  const drawn = diagram.isSuccess;
  useEffect(() => {
    if (drawn && window.location.hash === '#diagram') section.current?.scrollIntoView();
  }, [drawn]);
  const overlaySwitch = (
    <Switch
      label="Colour links by evidence status"
      checked={statusOverlay}
      onChange={(event) => setStatusOverlay(event.currentTarget.checked)}
    />
  );

  return (
    <Paper
      ref={section}
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="diagram-heading"
      id="diagram"
    >
      <Stack gap="sm">
        <Title order={2} fz="lg" id="diagram-heading">
          Theory-of-change diagram
        </Title>
        {diagram.isPending ? (
          <Loader size="sm" role="status" aria-label="Loading the diagram" />
        ) : diagram.isError ? (
          <Text c="red" role="alert">
            The diagram could not be drawn ({diagram.error.message}). Reload the page to try again.
          </Text>
        ) : (
          <DiagramViewer
            svg={diagram.data}
            fileName={`${modelId}-${version}${overlay === 'status' ? '-status' : ''}`}
            title={`Theory-of-change diagram of ${name}, version ${version}`}
            testId="model-diagram"
          >
            {overlaySwitch}
          </DiagramViewer>
        )}
      </Stack>
    </Paper>
  );
}
