/**
 * The organization's dose per month of the relationship and component, summed over every engagement:
 * the component mix over the relationship for the whole organization, kept with every write so the
 * organization's descriptives need not sum every engagement's component months.
 */
export interface OrganizationRelationshipComponentDose {
  relationshipMonth: number;
  componentId: string;
  interactions: number;
  minutes: number;
  activityUses: number;
}

/** Sums engagement component months per month of the relationship and component, sorted by both. */
export function organizationRelationshipComponents(
  months: Iterable<{
    relationshipMonth: number;
    componentId: string;
    interactions: number;
    minutes: number;
    activityUses: number;
  }>,
): OrganizationRelationshipComponentDose[] {
  const sums = new Map<string, OrganizationRelationshipComponentDose>();
  for (const m of months) {
    const key = `${m.relationshipMonth}|${m.componentId}`;
    const slot = sums.get(key) ?? {
      relationshipMonth: m.relationshipMonth,
      componentId: m.componentId,
      interactions: 0,
      minutes: 0,
      activityUses: 0,
    };
    slot.interactions += m.interactions;
    slot.minutes += m.minutes;
    slot.activityUses += m.activityUses;
    sums.set(key, slot);
  }
  return [...sums.values()].sort(
    (a, b) =>
      a.relationshipMonth - b.relationshipMonth ||
      (a.componentId < b.componentId ? -1 : a.componentId > b.componentId ? 1 : 0),
  );
}

/** One engagement's month of the relationship: its interactions and minutes over the calendar months it spans. */
export interface RelationshipMonthDose {
  engagementId: string;
  relationshipMonth: number;
  interactions: number;
  minutes: number;
}

/** Sums engagement months per engagement and month of the relationship, sorted by both (ids in code-unit order). */
export function relationshipMonthDoses(
  months: Iterable<Pick<RelationshipMonthDose, 'engagementId' | 'relationshipMonth' | 'interactions' | 'minutes'>>,
): RelationshipMonthDose[] {
  const sums = new Map<string, RelationshipMonthDose>();
  for (const m of months) {
    const key = `${m.engagementId}|${m.relationshipMonth}`;
    const slot = sums.get(key) ?? {
      engagementId: m.engagementId,
      relationshipMonth: m.relationshipMonth,
      interactions: 0,
      minutes: 0,
    };
    slot.interactions += m.interactions;
    slot.minutes += m.minutes;
    sums.set(key, slot);
  }
  return [...sums.values()].sort((a, b) =>
    a.engagementId < b.engagementId
      ? -1
      : a.engagementId > b.engagementId
        ? 1
        : a.relationshipMonth - b.relationshipMonth,
  );
}
