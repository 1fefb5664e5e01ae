import type { PracticeModel } from '../../model/schema.ts';

/** The names a view needs from the practice models of the engagements it covers. */
export interface Vocabulary {
  models: { id: string; version: string; name: string }[];
  componentGroups: { id: string; name: string }[];
  components: { id: string; name: string; group: string; activities: { id: string; label: string }[] }[];
  principles: { id: string; name: string }[];
  stages: { id: string; name: string }[];
}

/** The union of several models' vocabularies by id, the first model's names and order first. */
export function vocabularyOf(models: readonly PracticeModel[]): Vocabulary {
  const union = <T extends { id: string }>(lists: (readonly T[])[]): T[] => {
    const byId = new Map<string, T>();
    for (const list of lists) for (const item of list) if (!byId.has(item.id)) byId.set(item.id, item);
    return [...byId.values()];
  };
  return {
    models: models.map((m) => ({ id: m.id, version: m.version, name: m.name })),
    componentGroups: union(models.map((m) => m.componentGroups.map((g) => ({ id: g.id, name: g.name })))),
    components: union(
      models.map((m) =>
        m.components.map((c) => ({
          id: c.id,
          name: c.name,
          group: c.group,
          activities: c.activities.map((a) => ({ id: a.id, label: a.label })),
        })),
      ),
    ),
    principles: union(models.map((m) => m.principles.map((p) => ({ id: p.id, name: p.name })))),
    stages: union(models.map((m) => m.stages.map((s) => ({ id: s.id, name: s.name })))),
  };
}
