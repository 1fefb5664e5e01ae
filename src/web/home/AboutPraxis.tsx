import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';

export const theoryOfChangeDoi = '10.1177/26334895231179761';

/** What Praxis is for and which practice model it starts from, with the citation. */
export function AboutPraxis() {
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="about-praxis">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="about-praxis">
          About Praxis
        </Title>
        <Text>
          Praxis supports <strong>external implementation support (EIS)</strong>: the help that intermediary and
          technical-assistance organizations give to agencies, communities and service systems while they adopt, scale
          and sustain evidence-based programs. Implementation support practitioners, their coaches, partners and
          researchers share one language to plan, deliver, document, coach and study that support.
        </Text>
        <Text>The default practice model is the EIS theory of change:</Text>
        <List withPadding spacing={4}>
          <List.Item>core practice components, the mechanisms through which support works;</List.Item>
          <List.Item>practice principles and social cognitive theory, which govern how they are used;</List.Item>
          <List.Item>
            hypothesized links to proximal and distal outcomes at individual, team, organization and system levels.
          </List.Item>
        </List>
        <Text fz="sm" c="dimmed" component="p" m={0}>
          Aldridge, W. A., II, Roppolo, R. H., Brown, J., Bumbarger, B. K., &amp; Boothroyd, R. I. (2023). Mechanisms of
          change in external implementation support: A conceptual model and case examples to guide research and
          practice. <em>Implementation Research and Practice, 4</em>.{' '}
          <Anchor href={`https://doi.org/${theoryOfChangeDoi}`} target="_blank" rel="noreferrer">
            doi:{theoryOfChangeDoi}
          </Anchor>
        </Text>
        <Text fz="sm" c="dimmed">
          Praxis follows the published structure of the model. The names, definitions and practice activities of its
          components are Praxis&apos;s own operationalization of that structure, not the article&apos;s wording; an
          organization can replace them with its own.
        </Text>
      </Stack>
    </Paper>
  );
}
