import { Checkbox, Group, NumberInput, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, Item } from '../../domain/measurement/instrument.ts';

interface SurveyItemProps {
  item: Item;
  number: number;
  value: AnswerValue | undefined;
  error?: string;
  onChange: (value: AnswerValue) => void;
}

/** One question of a partner survey, in the control its item type calls for; `item` is already in the respondent's language. */
export function SurveyItem({ item, number, value, error, onChange }: SurveyItemProps) {
  const { t, i18n } = useTranslation('survey');
  const format = (n: number) => n.toLocaleString(i18n.language);
  const label = `${number}. ${item.text}`;
  switch (item.type) {
    case 'agreement':
    case 'single-choice': {
      const options = item.type === 'agreement' ? item.anchors : item.choices;
      return (
        <Radio.Group
          label={label}
          withAsterisk={item.required}
          error={error}
          value={typeof value === 'number' ? String(value) : null}
          onChange={(v) => onChange(Number(v))}
        >
          <Stack gap="xs" mt="xs">
            {options.map((o) => (
              <Radio
                key={o.value}
                value={String(o.value)}
                label={o.label}
                styles={{ body: { minHeight: 32, alignItems: 'center' } }}
              />
            ))}
          </Stack>
        </Radio.Group>
      );
    }
    case 'multiple-choice':
      return (
        <Checkbox.Group
          label={label}
          withAsterisk={item.required}
          error={error}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={(v) => onChange(v.map(Number))}
        >
          <Stack gap="xs" mt="xs">
            {item.choices.map((o) => (
              <Checkbox key={o.value} value={String(o.value)} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'numeric':
      return (
        <NumberInput
          label={label}
          withAsterisk={item.required}
          error={error}
          min={item.min}
          max={item.max}
          allowDecimal={!item.integer}
          description={t('item.range', { min: format(item.min), max: format(item.max) })}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        />
      );
    case 'free-text':
      return (
        <Stack gap={4}>
          <Textarea
            label={label}
            withAsterisk={item.required}
            error={error}
            autosize
            minRows={3}
            maxLength={item.maxLength}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Text size="xs" c="dimmed">
              {t('item.length', {
                used: format(typeof value === 'string' ? value.length : 0),
                max: format(item.maxLength),
              })}
            </Text>
          </Group>
        </Stack>
      );
  }
}
