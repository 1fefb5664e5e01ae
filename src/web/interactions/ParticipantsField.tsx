import { MultiSelect, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Contact, Level } from '../../domain/support/schemas.ts';
import { levels } from '../../domain/support/schemas.ts';

interface ParticipantsFieldProps {
  counts: Partial<Record<Level, number | ''>>;
  contactIds: string[];
  contacts: Contact[];
  onCountsChange: (counts: Partial<Record<Level, number | ''>>) => void;
  onContactsChange: (contactIds: string[]) => void;
  error?: string | undefined;
}

const levelLabel = (level: Level): string => level.charAt(0).toUpperCase() + level.slice(1);

/** Who took part: named contacts of the partner, or head counts by level when people are not recorded by name. */
export function ParticipantsField({
  counts,
  contactIds,
  contacts,
  onCountsChange,
  onContactsChange,
  error,
}: ParticipantsFieldProps) {
  return (
    <Stack gap="xs">
      {contacts.length > 0 && (
        <MultiSelect
          label="Contacts who took part"
          placeholder={contactIds.length === 0 ? 'Choose contacts' : undefined}
          data={contacts.map((contact) => ({
            value: contact.id,
            label: `${contact.name} · ${contact.level}${contact.role ? `, ${contact.role}` : ''}`,
          }))}
          value={contactIds}
          onChange={onContactsChange}
          searchable
          clearable
        />
      )}
      <Text size="sm" fw={500}>
        Head counts by level.
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {levels.map((level) => (
          <NumberInput
            key={level}
            label={levelLabel(level)}
            size="xs"
            min={0}
            allowDecimal={false}
            allowNegative={false}
            value={counts[level] ?? ''}
            onChange={(next) => onCountsChange({ ...counts, [level]: typeof next === 'number' ? next : '' })}
          />
        ))}
      </SimpleGrid>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
