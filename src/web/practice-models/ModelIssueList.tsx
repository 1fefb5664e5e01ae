import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ModelIssue } from '../../model/schema.ts';
import classes from './ModelIssueList.module.css';

interface ModelIssueListProps {
  id: string;
  errors: readonly ModelIssue[];
  warnings: readonly ModelIssue[];
  /** Moves the editor's cursor to the place an issue names. */
  onSelect: (issue: ModelIssue) => void;
}

function IssueRow({
  issue,
  severity,
  onSelect,
}: {
  issue: ModelIssue;
  severity: 'error' | 'warning';
  onSelect: (issue: ModelIssue) => void;
}) {
  const place = issue.path === '' ? 'document' : issue.path;
  return (
    <li>
      <UnstyledButton
        onClick={() => onSelect(issue)}
        w="100%"
        p={6}
        style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        aria-label={`${severity === 'error' ? 'Error' : 'Warning'} at ${place}: ${issue.message}. Show in the text.`}
        className={classes.issue}
        data-severity={severity}
      >
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge
            color={severity === 'error' ? 'red' : 'yellow'}
            variant="light"
            size="sm"
            radius="sm"
            style={{ flexShrink: 0 }}
          >
            {severity}
          </Badge>
          <Text fz="sm" style={{ wordBreak: 'break-word' }}>
            <Text span ff="monospace" fz="xs" fw={600}>
              {place}
            </Text>
            : {issue.message}
          </Text>
        </Group>
      </UnstyledButton>
    </li>
  );
}

/** The errors and warnings found in the editor's text; choosing one shows its place in the text. */
export function ModelIssueList({ id, errors, warnings, onSelect }: ModelIssueListProps) {
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <Stack
      id={id}
      gap={2}
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none', maxHeight: 320, overflow: 'auto' }}
      aria-label="Problems in the model"
    >
      {errors.map((issue, index) => (
        <IssueRow key={`e${index}-${issue.path}`} issue={issue} severity="error" onSelect={onSelect} />
      ))}
      {warnings.map((issue, index) => (
        <IssueRow key={`w${index}-${issue.path}`} issue={issue} severity="warning" onSelect={onSelect} />
      ))}
    </Stack>
  );
}
