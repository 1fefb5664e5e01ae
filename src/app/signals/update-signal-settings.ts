import type { SignalSettings, StoredSignalSettings } from '../../domain/signals/schemas.ts';
import type { Store } from '../../store/store.ts';

/** Saves the organization's signal thresholds over the version the administrator edited (stale: 409). */
export function updateSignalSettings(
  store: Store,
  organizationId: string,
  settings: SignalSettings,
  version: number,
  actor: string,
): Promise<StoredSignalSettings> {
  return store.transaction((tx) => tx.tenant(organizationId).signals.saveSettings(settings, version, actor));
}
