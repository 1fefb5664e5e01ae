import { Alert, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { ELEMENT_KIND_LABEL } from '../../model/elements.ts';
import { provenanceSummary } from '../../model/provenance.ts';
import type { PracticeModel } from '../../model/schema.ts';
import { ProvenanceBadge } from './ProvenanceBadge.tsx';

/** "practice activity" → "Practice activities", for a row of the table. */
const pluralHeading = (label: string): string => {
  const plural = label.endsWith('y') ? `${label.slice(0, -1)}ies` : `${label}s`;
  return plural.charAt(0).toUpperCase() + plural.slice(1);
};

/** Says plainly which parts of the model come from its source and which are the model's own wording. */
export function ProvenanceStatement({ model, builtin }: { model: PracticeModel; builtin: boolean }) {
  const counts = provenanceSummary(model).filter((entry) => entry.published + entry.operationalized > 0);
  const published = counts.reduce((sum, entry) => sum + entry.published, 0);
  const total = counts.reduce((sum, entry) => sum + entry.published + entry.operationalized, 0);
  const author = builtin ? "Praxis's own operationalization" : "this model's own operationalization";
  return (
    <Alert
      variant="light"
      color="blue"
      icon={<IconInfoCircle size={20} aria-hidden />}
      title="What is published, and what is ours"
      component="section"
      aria-label="Provenance"
      // The body may shrink below the table's width, so that the table scrolls instead of widening the page.
      styles={{ body: { minWidth: 0 } }}
    >
      <Text fz="sm" mb="sm" data-testid="provenance-statement">
        {published} of {total} elements of this model are stated in the source publication and are marked{' '}
        <ProvenanceBadge provenance="published" />. The other {total - published} are {author} of that structure, marked{' '}
        <ProvenanceBadge provenance="operationalized" />: names, definitions, activities and links drawn from the wider
        literature, not the authors&apos; wording. An administrator can replace them with the published wording by
        publishing a new version.
      </Text>
      {/* The three columns need about 320 px; narrower, the table scrolls inside the box instead of widening the page. */}
      <Table.ScrollContainer minWidth={320} maw={460}>
        <Table withTableBorder={false} verticalSpacing={4} horizontalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Element</Table.Th>
              <Table.Th scope="col" ta="right">
                Published
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Operationalized
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {counts.map((entry) => (
              <Table.Tr key={entry.kind}>
                <Table.Th scope="row" fw={400}>
                  {pluralHeading(ELEMENT_KIND_LABEL[entry.kind])}
                </Table.Th>
                <Table.Td ta="right">{entry.published}</Table.Td>
                <Table.Td ta="right">{entry.operationalized}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Alert>
  );
}
