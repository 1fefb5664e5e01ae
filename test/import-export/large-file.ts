import { closeSync, openSync, statSync, writeSync } from 'node:fs';

export const longHeaderLine =
  'interaction_key,engagement_id,date,time,duration_minutes,mode,stage_id,component_id,component_minutes,activity_ids,principle_ids,participant_counts,notes';

/** Every date from 2020-02-01 on for `days` days, as YYYY-MM-DD. */
function dates(days: number): string[] {
  const start = Date.UTC(2020, 1, 1);
  return Array.from({ length: days }, (_, d) => new Date(start + d * 86_400_000).toISOString().slice(0, 10));
}

/**
 * Writes a long CSV of at least `bytes` bytes: interactions of three component rows each, all distinct
 * (date and time differ), fast enough for a test (plain string templates, written in 1 MB chunks).
 * Returns the rows written (header included) and the interactions.
 */
export function writeLargeLongCsv(
  file: string,
  engagementId: string,
  bytes: number,
  lastRowOf?: (row: number) => string | undefined,
): { rows: number; interactions: number } {
  const days = dates(2000);
  const fd = openSync(file, 'w');
  let chunk = `${longHeaderLine}\n`;
  let written = 0;
  let row = 1;
  let interaction = 0;
  const note = 'Reviewed the readiness survey with the leadership team and agreed next steps';
  try {
    while (written + chunk.length < bytes) {
      const key = `i${interaction}`;
      const date = days[interaction % days.length];
      const minute = Math.floor(interaction / days.length);
      const time = `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const shared = `${engagementId},${date},${time},90,video,`;
      const tail = `relationship-centered:4;data-informed,individual=3;team=1,${note}`;
      chunk += `${key},${shared},relating,20,agree-roles;check-in,${tail}\n${key},${shared},assessing,40,review-data,${tail}\n${key},${shared},co-designing,25,set-goals,${tail}\n`;
      row += 3;
      interaction += 1;
      if (chunk.length > 1 << 20) {
        written += writeSync(fd, chunk);
        chunk = '';
      }
    }
    const extra = lastRowOf?.(row + 1);
    if (extra !== undefined) {
      chunk += `${extra}\n`;
      row += 1;
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return { rows: row, interactions: interaction + (lastRowOf ? 1 : 0) };
}

export const fileSize = (file: string): number => statSync(file).size;
