import { coaches, maySeeCoachingOf, type Viewer } from '../../domain/coaching/coaches.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { TenantStore } from '../../store/store.ts';

/** Who is acting: their user id (or `token:<id>`) and role in the organization. */
export type { Viewer };

/** The support teams of the organization's live engagements: who coaches whom is read from them. */
export async function supportTeams(tenant: TenantStore): Promise<{ supportTeam: string[] }[]> {
  return (await tenant.engagements.list()).map((e) => ({ supportTeam: e.supportTeam }));
}

/** Refuses, naming `field`, unless `viewer` coaches `practitionerId`. */
export async function requireCoach(
  tenant: TenantStore,
  viewer: Viewer,
  practitionerId: string,
  field: string,
): Promise<void> {
  if (!coaches(viewer, practitionerId, await supportTeams(tenant)))
    throw new AppError('forbidden', 'You do not coach this practitioner', [
      {
        path: field,
        message:
          viewer.userId === practitionerId
            ? 'is your own: a coach reviews the practice of others'
            : 'belongs to a practitioner you do not coach (coaches are admins and the leads on a support team with them)',
      },
    ]);
}

/** Refuses unless `viewer` may see the coaching record of `practitionerId`; a record they may not see is "not found". */
export async function requireVisible(
  tenant: TenantStore,
  viewer: Viewer,
  practitionerId: string,
  what: string,
): Promise<void> {
  if (!maySeeCoachingOf(viewer, practitionerId, await supportTeams(tenant))) throw notFound(what);
}

/** Refuses unless `practitionerId` is a practitioner or lead of the organization (the people who practise). */
export async function requirePractitioner(tenant: TenantStore, practitionerId: string, field: string): Promise<void> {
  const member = await tenant.members.find(practitionerId);
  if (!member || (member.role !== 'practitioner' && member.role !== 'lead' && member.role !== 'admin'))
    throw new AppError('validation_failed', 'Unknown practitioner', [
      { path: field, message: `no practitioner "${practitionerId}" in this organization` },
    ]);
}
