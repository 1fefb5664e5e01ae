/**
 * The peer to beat (issue 14): an analyst with DuckDB over the same interactions exported as raw long
 * rows (one row per component of an interaction), with no summary tables at all.
 *
 * `dumpLongRows` writes the organization's live interactions from the SQLite file as a long CSV
 * (interaction, engagement, the engagement's start date, date, duration, component, component minutes),
 * straight from the tables. `DuckDbBaseline.load` reads that file into an in-memory DuckDB table, and
 * `ask` answers the descriptives' central question from it: dose by month of the relationship (minutes
 * per engagement and month, with mean and quartiles across engagements) plus the component mix (minutes
 * per month of the relationship and component), for the whole organization, a calendar period or some
 * engagements.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type Database from 'better-sqlite3';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** Writes the organization's live component rows as a long CSV; returns the number of rows written. */
export async function dumpLongRows(sqlite: Database.Database, organizationId: string, file: string): Promise<number> {
  const out = createWriteStream(file, { highWaterMark: 8 * 2 ** 20 });
  out.write('interaction_id,engagement_id,start_date,date,duration_minutes,component_id,component_minutes\n');
  const rows = sqlite
    .prepare(
      `select i.id, i.engagement_id, e.start_date, i.date, i.duration_minutes, c.component_id, c.minutes
       from interactions i
       join engagements e on e.id = i.engagement_id
       join interaction_components c on c.interaction_id = i.id
       where i.organization_id = ? and i.deleted_at is null and e.deleted_at is null`,
    )
    .raw()
    .iterate(organizationId) as IterableIterator<[string, string, string, string, number, string, number]>;
  let count = 0;
  let text = '';
  for (const [id, engagementId, startDate, date, duration, componentId, minutes] of rows) {
    // Ids and component ids hold no comma, quote or line break (uuids and model identifiers).
    text += `${id},${engagementId},${startDate},${date},${duration},${componentId},${minutes}\n`;
    count += 1;
    if (text.length > 1 << 20) {
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  out.end(text);
  await once(out, 'finish');
  return count;
}

/** Which engagements and calendar months (`YYYY-MM`, inclusive) a question covers. */
export interface BaselineQuestion {
  /** Null: every engagement. */
  engagementIds: readonly string[] | null;
  fromMonth?: string;
  toMonth?: string;
}

export interface BaselineAnswer {
  /** Per month of the relationship: engagements with contact, mean, quartiles of their minutes. */
  doseByRelationshipMonth: {
    month: number;
    engagements: number;
    mean: number;
    q1: number;
    median: number;
    q3: number;
  }[];
  /** Minutes per month of the relationship and component. */
  componentMix: { month: number; componentId: string; minutes: number }[];
}

export class DuckDbBaseline {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** An in-memory DuckDB holding the long rows of `file` in table `long_rows`. */
  static async load(file: string): Promise<DuckDbBaseline> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `create table long_rows as select * from read_csv(${quote(file)}, header = true, columns = {
        'interaction_id': 'VARCHAR', 'engagement_id': 'VARCHAR', 'start_date': 'DATE', 'date': 'DATE',
        'duration_minutes': 'INTEGER', 'component_id': 'VARCHAR', 'component_minutes': 'INTEGER'})`,
    );
    return new DuckDbBaseline(instance, connection);
  }

  async count(): Promise<number> {
    const reader = await this.connection.runAndReadAll('select count(*) from long_rows');
    return Number(reader.getRowsJS()[0]![0]);
  }

  /** Dose by month of the relationship with quartiles, and the component mix, from the long rows alone. */
  async ask(question: BaselineQuestion): Promise<BaselineAnswer> {
    const where = [
      ...(question.engagementIds === null
        ? []
        : [`engagement_id in (${question.engagementIds.map(quote).join(', ') || 'null'})`]),
      ...(question.fromMonth ? [`date >= date ${quote(`${question.fromMonth}-01`)}`] : []),
      ...(question.toMonth ? [`date < date ${quote(`${question.toMonth}-01`)} + interval 1 month`] : []),
    ];
    const filtered = `select *,
        -- The month of the relationship: 1 from the start date to the day before the same day a month later;
        -- a start on the 31st ends a shorter month on its last day.
        (year(date) - year(start_date)) * 12 + month(date) - month(start_date)
          - (case when day(date) < least(day(start_date), day(last_day(date))) then 1 else 0 end) + 1 as month
      from long_rows ${where.length > 0 ? `where ${where.join(' and ')}` : ''}`;
    const dose = await this.connection.runAndReadAll(
      `with rows as (${filtered}),
        interactions as (select interaction_id, any_value(engagement_id) as engagement_id, any_value(month) as month,
          any_value(duration_minutes) as minutes from rows group by interaction_id),
        months as (select engagement_id, month, sum(minutes) as minutes from interactions group by engagement_id, month)
      select month, count(*), avg(minutes), quantile_cont(minutes, [0.25, 0.5, 0.75])
      from months group by month order by month`,
    );
    const mix = await this.connection.runAndReadAll(
      `with rows as (${filtered})
      select month, component_id, sum(component_minutes) from rows group by month, component_id order by month, component_id`,
    );
    return {
      doseByRelationshipMonth: dose.getRowsJS().map(([month, engagements, mean, quartiles]) => {
        const [q1, median, q3] = (quartiles as number[]).map(Number);
        return {
          month: Number(month),
          engagements: Number(engagements),
          mean: Number(mean),
          q1: q1!,
          median: median!,
          q3: q3!,
        };
      }),
      componentMix: mix.getRowsJS().map(([month, componentId, minutes]) => ({
        month: Number(month),
        componentId: String(componentId),
        minutes: Number(minutes),
      })),
    };
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;
