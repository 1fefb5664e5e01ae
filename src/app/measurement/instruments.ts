import { builtinInstruments } from '../../domain/measurement/builtin/index.ts';
import { ispSelfAssessmentId } from '../../domain/measurement/builtin/isp-self-assessment.ts';
import type { Instrument } from '../../domain/measurement/instrument.ts';
import type { InstrumentSummary } from '../../domain/measurement/schemas.ts';
import { checkOutcomeMapping, validateInstrument } from '../../domain/measurement/validate-instrument.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { compareVersions, parseModelRef } from '../../model/versions.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { instrumentLine, selfAssessmentPrefix } from './instrument-line.ts';
import { rescoreInstrument } from './scores.ts';

/** Instruments an organization can use: the built-ins, a self-assessment per model version, and those it published. */

/** The instrument a reference `ID[@VERSION]` names: that version, or the latest. */
export async function findInstrument(tenant: TenantStore, ref: string): Promise<Instrument | undefined> {
  const parsed = parseModelRef(ref);
  const line = await instrumentLine(tenant, parsed.id);
  return parsed.version === undefined ? line.at(-1) : line.find((i) => i.version === parsed.version);
}

export async function requireInstrument(tenant: TenantStore, ref: string): Promise<Instrument> {
  const instrument = await findInstrument(tenant, ref);
  if (!instrument) throw notFound(`Instrument "${ref}"`);
  return instrument;
}

/** Each instrument with its latest version and every version available. */
export async function listInstruments(tenant: TenantStore): Promise<InstrumentSummary[]> {
  const ids = new Set<string>(builtinInstruments.map((i) => i.id));
  for (const model of await tenant.models.listVersions()) ids.add(ispSelfAssessmentId(model.modelId));
  for (const stored of await tenant.instruments.listVersions()) ids.add(stored.instrumentId);
  const builtinIds = new Set(builtinInstruments.map((i) => i.id));
  const summaries: InstrumentSummary[] = [];
  for (const id of [...ids].sort()) {
    const line = await instrumentLine(tenant, id);
    const latest = line.at(-1);
    if (!latest) continue;
    summaries.push({
      id,
      name: latest.name,
      version: latest.version,
      citation: latest.citation,
      builtin: builtinIds.has(id) || id.startsWith(selfAssessmentPrefix),
      versions: line.map((i) => i.version),
    });
  }
  return summaries;
}

/** Checks an instrument as it would be published: its own rules, its outcome mapping, and its place in the version line. */
export async function checkInstrument(tenant: TenantStore, document: unknown): Promise<Instrument> {
  const verdict = validateInstrument(document);
  if (!verdict.valid) throw invalid('The instrument is not valid', verdict.errors);
  const instrument = verdict.instrument;
  const problems = [];
  const models = await tenant.models.versionsOf(instrument.modelId);
  const model = models.at(-1);
  if (!model)
    problems.push({ path: 'modelId', message: `no practice model "${instrument.modelId}" in this organization` });
  else problems.push(...checkOutcomeMapping(instrument, model.outcomes));
  const line = await instrumentLine(tenant, instrument.id);
  const latest = line.at(-1);
  if (latest && compareVersions(instrument.version, latest.version) <= 0) {
    problems.push({ path: 'version', message: `must be later than the latest published version (${latest.version})` });
  }
  if (instrument.supersedes && !line.some((i) => i.version === instrument.supersedes!.version)) {
    problems.push({
      path: 'supersedes.version',
      message: `version ${instrument.supersedes.version} of "${instrument.id}" is not published`,
    });
  }
  if (problems.length > 0) throw invalid('The instrument is not valid', problems);
  return instrument;
}

/** Publishes an instrument version and recomputes, in the same transaction, every score of the instrument under it. */
export function publishInstrument(
  store: Store,
  organizationId: string,
  document: unknown,
  actor: string | null,
): Promise<{ id: string; version: string; name: string; publishedAt: string; rescored: number }> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const instrument = await checkInstrument(tenant, document);
    const stored = await tenant.instruments.insert(instrument, actor);
    await tenant.recordHistory({
      entity: 'instrument',
      entityId: `${instrument.id}@${instrument.version}`,
      action: 'create',
      actor,
      changes: { name: instrument.name },
    });
    const rescored = await rescoreInstrument(tenant, instrument.id);
    return {
      id: instrument.id,
      version: instrument.version,
      name: instrument.name,
      publishedAt: stored.publishedAt,
      rescored,
    };
  });
}
