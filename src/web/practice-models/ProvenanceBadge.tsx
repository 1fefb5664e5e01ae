import { Badge, Tooltip } from '@mantine/core';
import type { Provenance } from '../../model/schema.ts';

const LABEL: Record<Provenance, string> = { published: 'Published', operationalized: 'Operationalized' };
const EXPLANATION: Record<Provenance, string> = {
  published: 'Stated in the source publication',
  operationalized: "This model's own wording, not the source's",
};

interface ProvenanceBadgeProps {
  provenance: Provenance;
  note?: string | undefined;
  /** False inside another control (an accordion button): no tooltip, not focusable on its own. */
  interactive?: boolean;
}

/** Whether one element comes from the source publication or is the model's own operationalization. */
export function ProvenanceBadge({ provenance, note, interactive = true }: ProvenanceBadgeProps) {
  if (!interactive)
    return (
      <Badge
        variant="light"
        color={provenance === 'published' ? 'teal' : 'orange'}
        size="sm"
        radius="sm"
        style={{ flexShrink: 0 }}
      >
        {LABEL[provenance]}
      </Badge>
    );
  return (
    <Tooltip label={note ?? EXPLANATION[provenance]} multiline maw={320} withArrow>
      <Badge
        variant="light"
        color={provenance === 'published' ? 'teal' : 'orange'}
        size="sm"
        radius="sm"
        tabIndex={0}
        style={{ flexShrink: 0, cursor: 'help' }}
        aria-label={`${LABEL[provenance]}: ${note ?? EXPLANATION[provenance]}`}
      >
        {LABEL[provenance]}
      </Badge>
    </Tooltip>
  );
}
