import { Accordion, Checkbox, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ImportMappingInput } from '../../../domain/support/import-mapping.ts';
import { interactionModes, levels, type InteractionMode } from '../../../domain/support/schemas.ts';
import type { ModelVocabulary } from '../../api/support.ts';
import { ChoiceSourceList, type ChoiceSource } from './ChoiceSourceList.tsx';
import { ColumnField, DelimiterField } from './fields.tsx';
import { pairsOf, PairTable, recordOf, withValues, type Option, type Pairs } from './PairTable.tsx';

type Draft = ImportMappingInput;
type ActivityInput = NonNullable<Draft['activities']>[number];
type PrincipleInput = NonNullable<Draft['principles']>[number];
type ColumnPerPrinciple = Extract<PrincipleInput, { principle: string }>;

const isChoiceSource = (source: ActivityInput | PrincipleInput): source is ChoiceSource => 'values' in source;
const modeOptions: Option[] = interactionModes.map((m) => ({ value: m, label: m }));
const ratingOptions: Option[] = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));
const columnOptions = (columns: string[]): Option[] => columns.map((c) => ({ value: c, label: c }));
const numbersOf = (pairs: Pairs): Record<string, number> =>
  Object.fromEntries(Object.entries(recordOf(pairs)).map(([k, v]) => [k, Number(v)]));

/** The choices a mapping's meanings are picked from, in the words of a practice model. */
export function vocabularyOptions(model: ModelVocabulary | undefined) {
  return {
    components: (model?.components ?? []).map((c) => ({ value: c.id, label: c.name })),
    activities: (model?.components ?? []).flatMap((c) =>
      c.activities.map((a) => ({ value: `${c.id}/${a.id}`, label: `${c.name}: ${a.label}` })),
    ),
    principles: (model?.principles ?? []).map((p) => ({ value: p.id, label: p.name })),
    stages: (model?.stages ?? []).map((s) => ({ value: s.id, label: s.name })),
  };
}
export type VocabularyOptions = ReturnType<typeof vocabularyOptions>;

function Section({ value, title, children }: { value: string; title: string; children: ReactNode }) {
  return (
    <Accordion.Item value={value}>
      <Accordion.Control>{title}</Accordion.Control>
      <Accordion.Panel>
        <Stack gap="md">{children}</Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/**
 * Every field of an import mapping as a form (docs/import-mapping.md), in sections: columns picked from
 * the file's header, meanings from the practice model. `onChange` receives the whole mapping each time.
 */
export function MappingEditor({
  draft,
  onChange: setDraft,
  columns,
  engagements,
  vocabulary,
  advanced,
}: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  columns: string[];
  engagements: Option[];
  vocabulary: VocabularyOptions;
  /** The last section: the whole mapping as a document. */
  advanced: ReactNode;
}) {
  const column = (
    label: string,
    value: string | undefined,
    onChange: (value: string) => void,
    description?: string,
  ) => (
    <ColumnField
      key={label}
      label={label}
      description={description}
      columns={columns}
      value={value ?? ''}
      onChange={onChange}
    />
  );
  const modeColumn = 'column' in draft.mode ? draft.mode : null;
  const durationColumn = 'column' in draft.duration ? draft.duration : null;
  const components = draft.components ?? {};
  const activities = draft.activities ?? [];
  const activityChoices = activities.filter(isChoiceSource);
  const activityColumns = activities.filter((a): a is Extract<ActivityInput, { activity: string }> => 'activity' in a);
  const principles = draft.principles ?? [];
  const principleChoices = principles.filter(isChoiceSource);
  const principleColumns = principles.filter((p): p is ColumnPerPrinciple => 'principle' in p);
  const principleIds = withValues(
    vocabulary.principles,
    principleColumns.map((p) => p.principle),
  );
  const setPrincipleColumn = (principle: string, change: Partial<ColumnPerPrinciple>) => {
    const current = principleColumns.find((p) => p.principle === principle) ?? { column: '', principle, rated: true };
    const next = { ...current, ...change };
    const others = principleColumns.filter((p) => p.principle !== principle);
    const kept = next.column.trim() === '' ? others : [...others, next];
    setDraft({ ...draft, principles: [...kept, ...principleChoices] });
  };
  const componentIds = withValues(vocabulary.components, Object.keys(components.columns ?? {}));

  return (
    <Accordion multiple defaultValue={['engagement']} variant="separated">
      <Section value="rows" title="File and rows">
        <Select
          label="Kind of file"
          data={[
            { value: 'auto', label: 'Told by its header' },
            { value: 'qualtrics', label: 'A Qualtrics export' },
            { value: 'table', label: 'A table with one header row' },
          ]}
          value={draft.source ?? 'auto'}
          onChange={(source) => setDraft({ ...draft, source: (source ?? 'auto') as Draft['source'] })}
          allowDeselect={false}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {column(
            'Take only rows by column',
            draft.include?.column,
            (includeColumn) =>
              setDraft({
                ...draft,
                include:
                  includeColumn.trim() === '' ? undefined : { values: [], ...draft.include, column: includeColumn },
              }),
            'Leave empty to take every row.',
          )}
          <TagsInput
            label="Values of rows to take"
            description="Press Enter after each value, for example True."
            value={draft.include?.values ?? []}
            disabled={!draft.include}
            onChange={(values) => draft.include && setDraft({ ...draft, include: { ...draft.include, values } })}
          />
        </SimpleGrid>
      </Section>

      <Section value="engagement" title="Engagement, date and time">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {column('Engagement column', draft.engagement.column, (engagementColumn) =>
            setDraft({ ...draft, engagement: { ...draft.engagement, column: engagementColumn } }),
          )}
          <Select
            label="Engagement column holds"
            data={[
              { value: 'name', label: 'Names' },
              { value: 'id', label: 'Ids' },
            ]}
            value={draft.engagement.by ?? 'name'}
            onChange={(by) =>
              setDraft({ ...draft, engagement: { ...draft.engagement, by: by === 'id' ? 'id' : 'name' } })
            }
            allowDeselect={false}
          />
        </SimpleGrid>
        <PairTable
          label="Engagement names"
          pairs={pairsOf(draft.engagement.names)}
          onChange={(pairs) => setDraft({ ...draft, engagement: { ...draft.engagement, names: recordOf(pairs) } })}
          left={{ label: 'Name in the file' }}
          right={{ label: 'Engagement', options: engagements }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {column('Date column', draft.date.column, (dateColumn) =>
            setDraft({ ...draft, date: { ...draft.date, column: dateColumn } }),
          )}
          <TextInput
            label="Date format"
            description="For example M/d/yyyy or yyyy-MM-dd HH:mm:ss."
            value={draft.date.format ?? ''}
            onChange={(e) => setDraft({ ...draft, date: { ...draft.date, format: e.currentTarget.value } })}
          />
          <Checkbox
            label="The date column holds the time of day too"
            checked={draft.date.withTime ?? false}
            onChange={(e) => setDraft({ ...draft, date: { ...draft.date, withTime: e.currentTarget.checked } })}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {column(
            'Time column',
            draft.time?.column,
            (timeColumn) =>
              setDraft({
                ...draft,
                time: timeColumn.trim() === '' ? undefined : { format: 'HH:mm', ...draft.time, column: timeColumn },
              }),
            'Leave empty when there is none.',
          )}
          <TextInput
            label="Time format"
            description="For example HH:mm, or h:mm a for 2:30 PM."
            value={draft.time?.format ?? 'HH:mm'}
            disabled={!draft.time}
            onChange={(e) =>
              draft.time && setDraft({ ...draft, time: { ...draft.time, format: e.currentTarget.value } })
            }
          />
        </SimpleGrid>
      </Section>

      <Section value="duration" title="Duration and mode">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Duration from"
            data={[
              { value: 'column', label: 'A column' },
              { value: 'components', label: 'The minutes of the components summed' },
            ]}
            value={durationColumn ? 'column' : 'components'}
            onChange={(from) =>
              setDraft({ ...draft, duration: from === 'components' ? { fromComponents: true } : { column: '' } })
            }
            allowDeselect={false}
          />
          {durationColumn && (
            <>
              {column('Duration column', durationColumn.column, (durationName) =>
                setDraft({ ...draft, duration: { ...durationColumn, column: durationName } }),
              )}
              <Select
                label="Duration unit"
                data={[
                  { value: 'minutes', label: 'Minutes' },
                  { value: 'hours', label: 'Hours' },
                ]}
                value={durationColumn.unit ?? 'minutes'}
                onChange={(unit) =>
                  setDraft({ ...draft, duration: { ...durationColumn, unit: unit === 'hours' ? 'hours' : 'minutes' } })
                }
                allowDeselect={false}
              />
            </>
          )}
        </SimpleGrid>
        {durationColumn && (
          <PairTable
            label="Duration values"
            pairs={pairsOf(durationColumn.values)}
            onChange={(pairs) => setDraft({ ...draft, duration: { ...durationColumn, values: numbersOf(pairs) } })}
            left={{ label: 'Duration in the file' }}
            right={{ label: 'Minutes' }}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Mode from"
            data={[
              { value: 'column', label: 'A column' },
              { value: 'fixed', label: 'The same for every row' },
            ]}
            value={modeColumn ? 'column' : 'fixed'}
            onChange={(from) =>
              setDraft({ ...draft, mode: from === 'fixed' ? { value: 'in-person' } : { column: '', values: {} } })
            }
            allowDeselect={false}
          />
          {modeColumn
            ? column('Mode column', modeColumn.column, (modeName) =>
                setDraft({ ...draft, mode: { ...modeColumn, column: modeName } }),
              )
            : 'value' in draft.mode && (
                <Select
                  label="Mode of every row"
                  data={modeOptions}
                  value={draft.mode.value}
                  onChange={(value) =>
                    setDraft({ ...draft, mode: { value: (value ?? 'in-person') as InteractionMode } })
                  }
                  allowDeselect={false}
                />
              )}
        </SimpleGrid>
        {modeColumn && (
          <PairTable
            label="Mode values"
            pairs={pairsOf(modeColumn.values)}
            onChange={(pairs) =>
              setDraft({
                ...draft,
                mode: { ...modeColumn, values: recordOf(pairs) as Record<string, InteractionMode> },
              })
            }
            left={{ label: 'Value in the file' }}
            right={{ label: 'Mode', options: modeOptions }}
          />
        )}
      </Section>

      <Section value="stage" title="Stage">
        {column(
          'Stage column',
          draft.stage?.column,
          (stageColumn) =>
            setDraft({
              ...draft,
              stage: stageColumn.trim() === '' ? undefined : { values: {}, ...draft.stage, column: stageColumn },
            }),
          "Leave empty to take the engagement's stage on the date.",
        )}
        {draft.stage && (
          <PairTable
            label="Stage values"
            pairs={pairsOf(draft.stage.values)}
            onChange={(pairs) =>
              draft.stage && setDraft({ ...draft, stage: { ...draft.stage, values: recordOf(pairs) } })
            }
            left={{ label: 'Stage in the file' }}
            right={{ label: 'Stage', options: vocabulary.stages }}
          />
        )}
      </Section>

      <Section value="components" title="Minutes per component">
        <Text size="sm" c="dimmed">
          Give the column of each component&apos;s minutes, or pairs of a component column and a minutes column.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {componentIds.map((component) =>
            column(`Minutes of ${component.label}`, components.columns?.[component.value], (minutesColumn) => {
              const { [component.value]: _replaced, ...others } = components.columns ?? {};
              const next = minutesColumn.trim() === '' ? others : { ...others, [component.value]: minutesColumn };
              setDraft({ ...draft, components: { ...components, columns: next } });
            }),
          )}
        </SimpleGrid>
        <PairTable
          label="Component and minutes columns"
          pairs={(components.pairs ?? []).map((p): [string, string] => [p.component, p.minutes])}
          onChange={(pairs) =>
            setDraft({
              ...draft,
              components: { ...components, pairs: pairs.map(([component, minutes]) => ({ component, minutes })) },
            })
          }
          left={{ label: 'Component column', suggestions: columns }}
          right={{ label: 'Its minutes column', options: columnOptions(columns) }}
        />
        <PairTable
          label="Component values"
          pairs={pairsOf(components.values)}
          onChange={(pairs) => setDraft({ ...draft, components: { ...components, values: recordOf(pairs) } })}
          left={{ label: 'Component in the file' }}
          right={{ label: 'Component', options: vocabulary.components }}
        />
      </Section>

      <Section value="activities" title="Practice activities">
        <PairTable
          label="One column per activity"
          pairs={activityColumns.map((a): [string, string] => [a.column, a.activity])}
          onChange={(pairs) =>
            setDraft({
              ...draft,
              activities: [...activityChoices, ...pairs.map(([c, activity]) => ({ column: c, activity }))],
            })
          }
          left={{ label: 'Activity column', suggestions: columns }}
          right={{ label: 'Activity marked', options: vocabulary.activities }}
        />
        <Text size="sm" c="dimmed">
          A cell that is not empty, 0, no or false marks the activity as used. A column of choices (a multi-select
          question, or text with a separator) names several activities in one cell.
        </Text>
        <ChoiceSourceList
          noun="activity"
          sources={activityChoices}
          onChange={(sources) => setDraft({ ...draft, activities: [...sources, ...activityColumns] })}
          columns={columns}
          options={vocabulary.activities}
        />
      </Section>

      <Section value="principles" title="Principles and ratings">
        <Text size="sm" c="dimmed">
          Give the column of each principle: a rating from 1 to 5 (or words with a rating below), or any mark when it is
          not rated.
        </Text>
        {principleIds.map((principle) => {
          const source = principleColumns.find((p) => p.principle === principle.value);
          return (
            <SimpleGrid key={principle.value} cols={{ base: 1, xs: 2 }} spacing="xs">
              {column(`Column of ${principle.label}`, source?.column, (principleColumn) =>
                setPrincipleColumn(principle.value, { column: principleColumn }),
              )}
              <Select
                label={`${principle.label} is`}
                data={[
                  { value: 'rated', label: 'Rated 1 to 5' },
                  { value: 'marked', label: 'Marked when applied' },
                ]}
                value={source?.rated === false ? 'marked' : 'rated'}
                disabled={!source}
                onChange={(how) => setPrincipleColumn(principle.value, { rated: how !== 'marked' })}
                allowDeselect={false}
              />
            </SimpleGrid>
          );
        })}
        <PairTable
          label="Rating words"
          pairs={pairsOf(draft.ratings)}
          onChange={(pairs) => setDraft({ ...draft, ratings: numbersOf(pairs) })}
          left={{ label: 'Rating in the file' }}
          right={{ label: 'Rating', options: ratingOptions }}
        />
        <ChoiceSourceList
          noun="principle"
          sources={principleChoices}
          onChange={(sources) => setDraft({ ...draft, principles: [...principleColumns, ...sources] })}
          columns={columns}
          options={vocabulary.principles}
        />
      </Section>

      <Section value="people" title="Participants, notes and next steps">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {levels.map((level) =>
            column(`Count of ${level} participants`, draft.participants?.[level], (countColumn) => {
              const { [level]: _replaced, ...others } = draft.participants ?? {};
              setDraft({
                ...draft,
                participants: countColumn.trim() === '' ? others : { ...others, [level]: countColumn },
              });
            }),
          )}
        </SimpleGrid>
        <TagsInput
          label="Notes columns"
          description="Each cell that is not empty becomes a paragraph of the notes."
          data={columns}
          value={draft.notes ?? []}
          onChange={(notes) => setDraft({ ...draft, notes })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {column('Next steps column', draft.nextSteps?.column, (stepsColumn) =>
            setDraft({
              ...draft,
              nextSteps:
                stepsColumn.trim() === '' ? undefined : { delimiter: '\n', ...draft.nextSteps, column: stepsColumn },
            }),
          )}
          <DelimiterField
            label="Next steps separated by"
            disabled={!draft.nextSteps}
            value={draft.nextSteps?.delimiter ?? '\n'}
            onChange={(delimiter) =>
              draft.nextSteps && setDraft({ ...draft, nextSteps: { ...draft.nextSteps, delimiter } })
            }
          />
        </SimpleGrid>
      </Section>

      <Section value="advanced" title="The whole mapping (JSON)">
        {advanced}
      </Section>
    </Accordion>
  );
}
