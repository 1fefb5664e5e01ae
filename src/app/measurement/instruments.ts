import type { Instrument } from '../../domain/measurement/instrument.ts';
import { checkOutcomeMapping, validateInstrument } from '../../domain/measurement/validate-instrument.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { compareVersions, parseModelRef } from '../../model/versions.ts';
import type { TenantStore } from '../../store/store.ts';
import { instrumentLine } from './instrument-line.ts';

// Looking an instrument up by reference (`ID[@VERSION]`) and checking a document before it is
// published. Instruments an organization can use: the built-ins, a self-assessment per model version,
// and those it published.

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
