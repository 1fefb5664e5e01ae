import { Instrument } from '../../domain/measurement/instrument.ts';
import { conflict } from '../../domain/errors.ts';
import { compareVersions } from '../../model/versions.ts';
import { nowIso } from '../ids.ts';
import { readJsonColumn } from '../json-column.ts';
import { isUniqueViolation, type Executor } from './executor.ts';

export interface StoredInstrumentVersion {
  instrumentId: string;
  version: string;
  name: string;
  publishedAt: string;
  publishedBy: string | null;
}

/** The instruments one organization has published: every version kept whole and never changed. */
export class InstrumentRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  /** Every published version of every instrument, oldest version first within an instrument. */
  async listVersions(): Promise<StoredInstrumentVersion[]> {
    const rows = await this.db
      .selectFrom('instruments')
      .select(['instrument_id', 'version', 'name', 'published_at', 'published_by'])
      .where('organization_id', '=', this.organizationId)
      .execute();
    return rows
      .map((r) => ({
        instrumentId: r.instrument_id,
        version: r.version,
        name: r.name,
        publishedAt: r.published_at,
        publishedBy: r.published_by,
      }))
      .sort((a, b) => a.instrumentId.localeCompare(b.instrumentId) || compareVersions(a.version, b.version));
  }

  /** Every published version of one instrument, oldest first. */
  async versionsOf(instrumentId: string): Promise<Instrument[]> {
    const rows = await this.db
      .selectFrom('instruments')
      .select(['document', 'version'])
      .where('organization_id', '=', this.organizationId)
      .where('instrument_id', '=', instrumentId)
      .execute();
    return rows
      .map((r) =>
        readJsonColumn(Instrument, r.document, {
          table: 'instruments',
          column: 'document',
          id: `${instrumentId}@${r.version}`,
        }),
      )
      .sort((a, b) => compareVersions(a.version, b.version));
  }

  async insert(instrument: Instrument, publishedBy: string | null): Promise<StoredInstrumentVersion> {
    const publishedAt = nowIso();
    try {
      await this.db
        .insertInto('instruments')
        .values({
          organization_id: this.organizationId,
          instrument_id: instrument.id,
          version: instrument.version,
          name: instrument.name,
          document: JSON.stringify(instrument),
          published_at: publishedAt,
          published_by: publishedBy,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(
          `Version ${instrument.version} of instrument "${instrument.id}" is already published; versions never change`,
          [{ path: 'version', message: 'is already published' }],
        );
      throw error;
    }
    return {
      instrumentId: instrument.id,
      version: instrument.version,
      name: instrument.name,
      publishedAt,
      publishedBy,
    };
  }
}
