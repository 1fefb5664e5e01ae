import { Badge, Group, Text } from '@mantine/core';
import { evidenceColors, evidenceLevels, type Evidence } from '../../domain/hypotheses/schemas.ts';
import { evidenceLabels, evidenceMeaning } from './result-format.ts';

export function EvidenceBadge({ evidence }: { evidence: Evidence }) {
  return (
    <Badge
      // The pale untested colour of the diagram is too faint for text; the badge's gray outline reads at 4.5:1.
      color={evidence === 'untested' ? 'gray' : evidenceColors[evidence]}
      variant={evidence === 'untested' ? 'outline' : 'filled'}
      data-evidence={evidence}
    >
      {evidenceLabels[evidence]}
    </Badge>
  );
}

/** What each colour of the evidence diagram means. */
export function EvidenceLegend() {
  return (
    <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Evidence legend">
      {evidenceLevels.map((level) => (
        <Group key={level} gap={6} component="li" wrap="nowrap">
          <span
            aria-hidden
            style={{
              display: 'inline-block',
              width: 22,
              height: 4,
              background: evidenceColors[level],
              borderRadius: 2,
            }}
          />
          <Text fz="sm">
            <b>{evidenceLabels[level]}</b>: {evidenceMeaning[level]}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
