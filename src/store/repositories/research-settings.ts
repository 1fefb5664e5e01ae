import {
  researchSettingsEntity,
  type ResearchSettings,
  type StoredResearchSettings,
} from '../../domain/accounts/schemas.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import type { Executor } from './executor.ts';
import { recordHistory } from './history.ts';

/** An organization's research-export settings, kept on its row, versioned, each change in the history. */
export class ResearchSettingsRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  async get(): Promise<StoredResearchSettings> {
    const row = await this.db
      .selectFrom('organizations')
      .select(['coaching_research_export', 'research_settings_version'])
      .where('id', '=', this.organizationId)
      .executeTakeFirst();
    if (!row) throw notFound(`Organization "${this.organizationId}"`);
    return {
      settings: { includeCoaching: Number(row.coaching_research_export) === 1 },
      version: Number(row.research_settings_version),
    };
  }

  /** Saves over `expectedVersion`; a stale save is refused with 409 naming `version`. */
  async save(settings: ResearchSettings, expectedVersion: number, actor: string): Promise<StoredResearchSettings> {
    const before = await this.get();
    const stale = () =>
      conflict(
        `The research settings were changed by someone else (now version ${before.version}, you edited version ${expectedVersion})`,
        [{ path: 'version', message: `is ${expectedVersion}; the current version is ${before.version}` }],
      );
    if (before.version !== expectedVersion) throw stale();
    const version = before.version + 1;
    const result = await this.db
      .updateTable('organizations')
      .set({ coaching_research_export: settings.includeCoaching ? 1 : 0, research_settings_version: version })
      .where('id', '=', this.organizationId)
      .where('research_settings_version', '=', before.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw stale();
    const changes: Record<string, [unknown, unknown]> = {};
    if (before.settings.includeCoaching !== settings.includeCoaching)
      changes.includeCoaching = [before.settings.includeCoaching, settings.includeCoaching];
    await recordHistory(this.db, {
      organizationId: this.organizationId,
      entity: researchSettingsEntity,
      entityId: this.organizationId,
      action: 'update',
      actor,
      changes,
      version,
      snapshot: settings,
    });
    return { settings, version };
  }
}
