import type { Component, Link, Outcome, Provenance } from '../schema.ts';

/**
 * Shorthand for writing the built-in models as data: the same shapes the schema defines, with the
 * repetitive parts (activity provenance, link ids and status) filled in one way for every model.
 */

/** A practice activity as written in a built-in: id, label, behavioral description. */
export type ActivityRow = [id: string, label: string, description: string];

/** Where an element's content comes from, with a note when it mixes published and operationalized parts. */
export interface Sourced {
  provenance: Provenance;
  provenanceNote?: string;
}

/** A component whose activities are Praxis's operationalized, behavioral wording. */
export function practiceComponent(
  id: string,
  name: string,
  group: string,
  definition: string,
  activities: ActivityRow[],
  mechanisms: string[],
  targetOutcomes: string[],
  source: Sourced = { provenance: 'operationalized' },
): Component {
  return {
    id,
    name,
    group,
    definition,
    activities: activities.map(([activityId, label, description]) => ({
      id: activityId,
      label,
      description,
      provenance: 'operationalized',
    })),
    mechanisms,
    targetOutcomes,
    ...source,
  };
}

/** A hypothesized component → outcome link through a construct; its id says all three. */
export function linkVia(from: string, construct: string, to: string, rationale: string): Link {
  return {
    id: `${from}-via-${construct}-to-${to}`,
    from,
    to,
    via: construct,
    rationale,
    status: 'hypothesized',
    provenance: 'operationalized',
  };
}

/** A hypothesized outcome → outcome link: effects flow to the same or a later tier, at the same or a higher level. */
export function linkOutcomes(from: string, to: string, rationale: string): Link {
  return { id: `${from}-to-${to}`, from, to, rationale, status: 'hypothesized', provenance: 'operationalized' };
}

/** An outcome, operationalized unless `publishedNote` says which part of it the source publishes. */
export function practiceOutcome(
  id: string,
  name: string,
  tier: Outcome['tier'],
  levels: Outcome['levels'],
  description: string,
  publishedNote?: string,
): Outcome {
  const source: Sourced = publishedNote
    ? { provenance: 'published', provenanceNote: publishedNote }
    : { provenance: 'operationalized' };
  return { id, name, description, tier, levels, ...source };
}
