import type { ResearchSettings, StoredResearchSettings } from '../../domain/accounts/schemas.ts';
import type { Store } from '../../store/store.ts';

/** Saves what the organization lets into its research export over the version edited (stale: 409); kept in the history. */
export function updateResearchSettings(
  store: Store,
  organizationId: string,
  settings: ResearchSettings,
  version: number,
  actor: string,
): Promise<StoredResearchSettings> {
  return store.transaction((tx) => tx.tenant(organizationId).researchSettings.save(settings, version, actor));
}
