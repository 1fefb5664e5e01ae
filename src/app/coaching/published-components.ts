import type { Component } from '../../model/schema.ts';
import type { TenantStore } from '../../store/store.ts';

/** Every component of the organization's published model versions, by id (the newest version's wording wins). */
export async function practiceComponents(tenant: TenantStore): Promise<Map<string, Component>> {
  const components = new Map<string, Component>();
  for (const version of await tenant.models.listVersions()) {
    const model = await tenant.models.find(version.modelId, version.version);
    for (const component of model?.components ?? []) components.set(component.id, component);
  }
  return components;
}

/** The ids of every component a coaching session or goal may name. */
export async function componentsOfPractice(tenant: TenantStore): Promise<Set<string>> {
  return new Set((await practiceComponents(tenant)).keys());
}
