import type { Wave, WaveInput } from '../../domain/measurement/schemas.ts';
import { invalid, type ErrorDetail } from '../../domain/errors.ts';
import type { Level } from '../../domain/support/schemas.ts';
import type { TenantStore } from '../../store/store.ts';
import { requireInstrument } from './instruments.ts';

/** Measurement use cases: waves of an engagement, survey invitations, responses entered by staff. */

/** Problems with a wave's instruments: every version must exist here, and each instrument appear once. */
export async function checkWave(tenant: TenantStore, input: WaveInput): Promise<void> {
  const problems: ErrorDetail[] = [];
  for (const [i, ref] of input.instruments.entries()) {
    try {
      await requireInstrument(tenant, `${ref.instrumentId}@${ref.version}`);
    } catch {
      problems.push({
        path: `instruments[${i}]`,
        message: `instrument ${ref.instrumentId}@${ref.version} is not available in this organization`,
      });
    }
  }
  if (new Set(input.instruments.map((i) => i.instrumentId)).size !== input.instruments.length)
    problems.push({ path: 'instruments', message: 'names an instrument more than once' });
  if (problems.length > 0) throw invalid('The wave is not valid', problems);
}

export async function checkRespondent(
  tenant: TenantStore,
  wave: Wave,
  input: { contactId: string | null; anonymous: boolean; partnerId: string | null; level: Level },
): Promise<void> {
  const problems: ErrorDetail[] = [];
  if (!wave.levels.includes(input.level))
    problems.push({ path: 'level', message: `the wave measures ${wave.levels.join(', ')}, not ${input.level}` });
  if (input.anonymous && input.contactId !== null)
    problems.push({
      path: 'contactId',
      message: 'must be null for an anonymous respondent: anonymous responses store no identity',
    });
  if (input.contactId !== null && !(await tenant.contacts.find(input.contactId)))
    problems.push({ path: 'contactId', message: `no contact "${input.contactId}" in this organization` });
  if (input.partnerId !== null && !(await tenant.partners.find(input.partnerId)))
    problems.push({ path: 'partnerId', message: `no partner "${input.partnerId}" in this organization` });
  if (input.level !== 'individual' && input.partnerId === null)
    problems.push({
      path: 'partnerId',
      message: `a ${input.level}-level rating must name the ${input.level} it rates`,
    });
  if (problems.length > 0) throw invalid('The respondent is not valid', problems);
}

/** The unit an individual belongs to, when only their contact is named: the contact's partner. */
export async function unitOf(
  tenant: TenantStore,
  input: { contactId: string | null; partnerId: string | null },
): Promise<string | null> {
  if (input.partnerId !== null || input.contactId === null) return input.partnerId;
  return (await tenant.contacts.find(input.contactId))?.partnerId ?? null;
}

export const versionsOf = (wave: Wave): Record<string, string> =>
  Object.fromEntries(wave.instruments.map((i) => [i.instrumentId, i.version]));
