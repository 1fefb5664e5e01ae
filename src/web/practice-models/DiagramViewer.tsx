import { ActionIcon, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconZoomIn, IconZoomOut, IconZoomReset } from '@tabler/icons-react';
import { useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { TransformComponent, TransformWrapper } from 'react-zoom-pan-pinch';
import { notifyFailure } from '../notify.ts';
import { diagramSize, downloadDiagramPng, downloadDiagramSvg, parseDiagramSvg, scopeSvgIds } from './diagram-files.ts';

/** The largest zoom, as a multiple of the fitted size: enough to read a link label on a phone. */
const MAX_ZOOM = 8;
/** Each button press or +/− key multiplies the zoom by about this much. */
const ZOOM_STEP = 0.5;

interface DiagramViewerProps {
  /** The SVG document drawn by the server. */
  svg: string;
  /** File name of the downloads, without extension. */
  fileName: string;
  /** What the diagram shows, for the downloads' labels and the viewport's name. */
  title: string;
  /** Shown beside the zoom controls, such as a switch between overlays. */
  children?: ReactNode;
  testId?: string;
}

/**
 * A server-drawn diagram fitted whole into the width of its box, with zoom and pan (buttons, wheel, pinch,
 * drag, and arrows, +, − and 0 on the focused diagram) and SVG and PNG downloads.
 */
export function DiagramViewer({ svg, fileName, title, children, testId }: DiagramViewerProps) {
  const parsed = useMemo(() => {
    try {
      const element = parseDiagramSvg(svg);
      return { element, size: diagramSize(element) };
    } catch {
      return undefined;
    }
  }, [svg]);
  const host = useRef<HTMLDivElement>(null);
  const idPrefix = `diagram${useId().replace(/[^\w-]/g, '')}`;
  const [scale, setScale] = useState(1);
  const [savingPng, setSavingPng] = useState(false);

  // Shown inline rather than as an image, so the drawing stays text: searchable, sharp and readable by assistive technology.
  useLayoutEffect(() => {
    if (!host.current || !parsed) return;
    const element = document.importNode(parsed.element, true);
    scopeSvgIds(element, idPrefix);
    element.setAttribute('width', '100%');
    element.setAttribute('height', '100%');
    element.style.display = 'block';
    host.current.replaceChildren(element);
  }, [parsed, idPrefix]);

  if (!parsed) {
    return (
      <Text c="red" role="alert">
        The diagram could not be read. Reload the page to try again.
      </Text>
    );
  }

  const savePng = async () => {
    setSavingPng(true);
    try {
      await downloadDiagramPng(svg, `${fileName}.png`);
    } catch (error) {
      notifyFailure('The PNG could not be made', error);
    } finally {
      setSavingPng(false);
    }
  };

  return (
    <TransformWrapper
      minScale={1}
      maxScale={MAX_ZOOM}
      limitToBounds
      centerZoomedOut
      keyboard={{ disabled: false, zoomStep: ZOOM_STEP }}
      wheel={{ step: 0.2 }}
      panning={{ releaseAtBounds: true }}
      doubleClick={{ mode: 'zoomIn', step: ZOOM_STEP }}
      onTransform={(_ref, state) => setScale(state.scale)}
    >
      {({ zoomIn, zoomOut, resetTransform }) => (
        <Stack gap="sm">
          <Group justify="space-between" gap="sm">
            {children}
            <Group gap="xs" wrap="nowrap" ml="auto">
              <ActionIcon
                variant="default"
                aria-label="Zoom out"
                disabled={scale <= 1.001}
                onClick={() => void zoomOut(ZOOM_STEP)}
              >
                <IconZoomOut size={18} aria-hidden />
              </ActionIcon>
              <Text fz="sm" w={52} ta="center" aria-live="polite" data-testid="diagram-zoom">
                {Math.round(scale * 100)}%
              </Text>
              <ActionIcon
                variant="default"
                aria-label="Zoom in"
                disabled={scale >= MAX_ZOOM - 0.001}
                onClick={() => void zoomIn(ZOOM_STEP)}
              >
                <IconZoomIn size={18} aria-hidden />
              </ActionIcon>
              <ActionIcon
                variant="default"
                aria-label="Fit the whole diagram"
                disabled={scale <= 1.001}
                onClick={() => void resetTransform()}
              >
                <IconZoomReset size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Group>
          <Box
            data-testid={testId}
            style={{
              width: '100%',
              aspectRatio: `${parsed.size.width} / ${parsed.size.height}`,
              maxHeight: '80vh',
              border: '1px solid var(--mantine-color-gray-3)',
              borderRadius: 'var(--mantine-radius-sm)',
              background: 'white',
              overflow: 'hidden',
            }}
          >
            <TransformComponent
              wrapperStyle={{ width: '100%', height: '100%' }}
              contentStyle={{ width: '100%', height: '100%' }}
              wrapperProps={{
                role: 'group',
                'aria-label': `${title}: drag or use the arrow keys to move, + and − to zoom, 0 to fit`,
              }}
            >
              <div ref={host} style={{ width: '100%', height: '100%' }} />
            </TransformComponent>
          </Box>
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} aria-hidden />}
              onClick={() => downloadDiagramSvg(svg, `${fileName}.svg`)}
            >
              Download SVG
            </Button>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} aria-hidden />}
              loading={savingPng}
              onClick={() => void savePng()}
            >
              Download PNG
            </Button>
          </Group>
        </Stack>
      )}
    </TransformWrapper>
  );
}
