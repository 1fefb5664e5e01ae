import { Badge } from '@mantine/core';
import { formatDate } from '../format.ts';

/** A next step's due date, "overdue" in filled dark red (legible at small size), else outlined. */
export function NextStepDueBadge({ dueDate, overdue }: { dueDate: string; overdue: boolean }) {
  return (
    <Badge
      color={overdue ? 'red.9' : 'dark'}
      variant={overdue ? 'filled' : 'outline'}
      size="sm"
      style={{ flexShrink: 0 }}
    >
      {overdue ? 'overdue ' : 'due '}
      {formatDate(dueDate)}
    </Badge>
  );
}
