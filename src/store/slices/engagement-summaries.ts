import { sql } from 'kysely';
import { idGroups, ofOrganization, type Executor } from '../repositories/executor.ts';
import type { Engine } from '../database.ts';
import type { DatabaseSchema } from '../schema.ts';

/** The texts a cached column can hold, each interned apart so that its numbers stay few and dense. */
export type TextSpace = 'component' | 'principle' | 'mode' | 'activity';

/**
 * How a cached column is held: a text interned as a number in its space (`Texts`), a calendar month
 * `YYYY-MM` as the number of months since year 0, an integer, or a floating-point number.
 */
type Kind = TextSpace | 'month' | 'int' | 'real';

/** An engagement-level derived table, as the slices read it: its columns besides the organization and engagement. */
interface CachedTable {
  table: keyof DatabaseSchema;
  columns: Readonly<Record<string, Kind>>;
}

/** The derived tables the analysis slices sum, by the name the sums use. */
const cachedTables = {
  months: {
    table: 'engagement_month_dose',
    columns: { calendar_month: 'month', relationship_month: 'int', interactions: 'int', minutes: 'real' },
  },
  relationshipMonths: {
    table: 'relationship_month_dose',
    columns: {
      relationship_month: 'int',
      minutes: 'real',
      components_used: 'int',
      entropy: 'real',
      dominant_component: 'component',
    },
  },
  components: {
    table: 'component_month_dose',
    columns: {
      calendar_month: 'month',
      relationship_month: 'int',
      component_id: 'component',
      interactions: 'int',
      minutes: 'real',
      activity_uses: 'int',
    },
  },
  principles: {
    table: 'principle_month_use',
    columns: {
      calendar_month: 'month',
      principle_id: 'principle',
      interactions: 'int',
      ratings: 'int',
      rating_sum: 'real',
    },
  },
  modes: {
    table: 'mode_month_use',
    columns: { calendar_month: 'month', mode: 'mode', interactions: 'int', minutes: 'real' },
  },
  activities: {
    table: 'activity_month_use',
    columns: { calendar_month: 'month', component_id: 'component', activity_id: 'activity', interactions: 'int' },
  },
} as const satisfies Record<string, CachedTable>;

type CachedTableName = keyof typeof cachedTables;

/** One table's rows of one engagement, column by column: `Float64Array` for reals, `Int32Array` otherwise. */
type Columns<T extends CachedTableName> = {
  readonly [C in keyof (typeof cachedTables)[T]['columns']]: (typeof cachedTables)[T]['columns'][C] extends 'real'
    ? Float64Array
    : Int32Array;
} & { readonly length: number };

/** One engagement's derived rows as the slices read them, and the version of them held. */
export interface EngagementSummary {
  readonly engagementId: string;
  readonly version: number;
  readonly tables: { readonly [T in CachedTableName]: Columns<T> };
}

/** A calendar month `YYYY-MM` as the number of months since year 0, so a period is a range of numbers. */
export const monthNumber = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** The calendar month `YYYY-MM` of a month number. */
export const monthOfNumber = (n: number): string =>
  `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;

/** Texts interned as numbers 0, 1, 2, …, so cached rows hold numbers only and sums can be kept in arrays; -1 stands for null. */
export class Texts {
  readonly #numbers = new Map<string, number>();
  readonly #texts: string[] = [];

  numberOf(text: string | null): number {
    if (text === null) return -1;
    let n = this.#numbers.get(text);
    if (n === undefined) {
      n = this.#texts.push(text) - 1;
      this.#numbers.set(text, n);
    }
    return n;
  }

  /** How many texts there are: every number is below it. */
  get size(): number {
    return this.#texts.length;
  }

  text(n: number): string {
    return this.#texts[n]!;
  }
}

/** Engagements read per query when summaries are read again: bounds what a cold read holds at once. */
const engagementsPerRead = 100;

/** The interned texts of every space. */
export type Vocabulary = { readonly [S in TextSpace]: Texts };

/**
 * The derived rows of each engagement of each organization that the analysis slices sum, held in memory
 * column by column, for one open database. Every rewrite of an engagement's derived rows raises its
 * counter in `derived_versions` in the same transaction (`raiseDerivedVersions`); before an answer, the
 * counters of the organization are read and every engagement whose counter differs from the one held is
 * read again, after its counter, so what is held is never older than the counter it is kept with. Several
 * processes on one database (servers, the command line) each keep their own and stay right.
 */
export class SummaryCache {
  readonly vocabulary: Vocabulary = {
    component: new Texts(),
    principle: new Texts(),
    mode: new Texts(),
    activity: new Texts(),
  };
  readonly #organizations = new Map<string, Map<string, EngagementSummary>>();

  constructor(private readonly engine: Engine) {}

  /** The summaries of the given engagements of an organization, brought up to date first. */
  async summaries(
    db: Executor,
    organizationId: string,
    engagementIds: readonly string[],
  ): Promise<EngagementSummary[]> {
    let held = this.#organizations.get(organizationId);
    if (!held) this.#organizations.set(organizationId, (held = new Map()));
    const versions = await currentVersions(db, organizationId);
    const stale = engagementIds.filter((id) => held.get(id)?.version !== (versions.get(id) ?? 0));
    for (let at = 0; at < stale.length; at += engagementsPerRead) {
      const ids = stale.slice(at, at + engagementsPerRead);
      for (const summary of await this.#read(db, organizationId, ids, versions))
        held.set(summary.engagementId, summary);
    }
    return engagementIds.map((id) => held.get(id)!);
  }

  /**
   * Reads the derived rows of some engagements: per table one query, one row per engagement, each column
   * packed in the database as a JSON array (all of a group's arrays list its rows in the same order),
   * which costs far less than a result row per derived row. Both engines write floating-point numbers
   * as text that reads back exactly.
   */
  async #read(
    db: Executor,
    organizationId: string,
    ids: readonly string[],
    versions: ReadonlyMap<string, number>,
  ): Promise<EngagementSummary[]> {
    const tables = new Map<string, Record<string, Record<string, Int32Array | Float64Array | number>>>(
      ids.map((id) => [id, {}]),
    );
    for (const [name, spec] of Object.entries(cachedTables) as [CachedTableName, CachedTable][]) {
      const columns = Object.entries(spec.columns);
      const packed = columns.map(([column], i) =>
        this.engine === 'postgres'
          ? sql`json_agg(${sql.ref(column)})::text as ${sql.ref(`c${i}`)}`
          : sql`json_group_array(${sql.ref(column)}) as ${sql.ref(`c${i}`)}`,
      );
      const { rows } = await sql<Record<string, string>>`select engagement_id, ${sql.join(packed)}
        from ${sql.table(spec.table)}
        where ${ofOrganization(organizationId, ids)} and engagement_id in (${sql.join(ids)})
        group by engagement_id`.execute(db);
      const read = new Map(rows.map((row) => [row.engagement_id!, row]));
      for (const id of ids) {
        const row = read.get(id);
        const built: Record<string, Int32Array | Float64Array | number> = { length: 0 };
        columns.forEach(([column, kind], i) => {
          const values = row ? (JSON.parse(row[`c${i}`]!) as (string | number | null)[]) : [];
          built.length = values.length;
          built[column] = this.#column(kind, values);
        });
        tables.get(id)![name] = built;
      }
    }
    // The version held is the one read before the rows, so never newer than them.
    return ids.map((engagementId) => ({
      engagementId,
      version: versions.get(engagementId) ?? 0,
      tables: tables.get(engagementId) as unknown as EngagementSummary['tables'],
    }));
  }

  #column(kind: Kind, values: readonly (string | number | null)[]): Int32Array | Float64Array {
    if (kind === 'real') return Float64Array.from(values as number[]);
    if (kind === 'int') return Int32Array.from(values as number[]);
    const column = new Int32Array(values.length);
    if (kind === 'month') for (let i = 0; i < values.length; i++) column[i] = monthNumber(values[i] as string);
    else {
      const texts = this.vocabulary[kind];
      for (let i = 0; i < values.length; i++) column[i] = texts.numberOf(values[i] as string | null);
    }
    return column;
  }
}

async function currentVersions(db: Executor, organizationId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('derived_versions')
    .select(['engagement_id', 'version'])
    .where('organization_id', '=', organizationId)
    .execute();
  return new Map(rows.map((r) => [r.engagement_id, Number(r.version)]));
}

/**
 * Raises the derived-rows counter of each given engagement, in the transaction that rewrote their rows
 * (see `SummaryCache`).
 */
export async function raiseDerivedVersions(
  db: Executor,
  organizationId: string,
  engagementIds: readonly string[],
): Promise<void> {
  for (const ids of idGroups(engagementIds)) {
    await db
      .insertInto('derived_versions')
      .values(
        ids!.map((engagementId) => ({ organization_id: organizationId, engagement_id: engagementId, version: 1 })),
      )
      .onConflict((oc) =>
        oc.columns(['organization_id', 'engagement_id']).doUpdateSet({ version: sql`derived_versions.version + 1` }),
      )
      .execute();
  }
}

const caches = new WeakMap<object, SummaryCache>();

/** The summary cache of one open database, shared by every store on it outside transactions. */
export function summaryCacheOf(database: { engine: Engine }): SummaryCache {
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new SummaryCache(database.engine)));
  return cache;
}
