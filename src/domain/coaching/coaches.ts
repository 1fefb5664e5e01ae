import type { Role } from '../roles.ts';

/** What is needed to decide who coaches whom: each live engagement's support team. */
export interface SupportTeam {
  supportTeam: readonly string[];
}

export interface Viewer {
  userId: string;
  role: Role;
}

/**
 * Whether `coach` may coach `practitionerId`. Admins coach everyone; a lead coaches the practitioners
 * they share a support team with (their team); nobody coaches themselves. Other roles coach no one.
 */
export function coaches(coach: Viewer, practitionerId: string, teams: readonly SupportTeam[]): boolean {
  if (coach.userId === practitionerId) return false;
  if (coach.role === 'admin') return true;
  if (coach.role !== 'lead') return false;
  return teams.some((t) => t.supportTeam.includes(coach.userId) && t.supportTeam.includes(practitionerId));
}

/** The practitioners a lead coaches: everyone they share a support team with, but themselves. */
export function coachedBy(coach: Viewer, teams: readonly SupportTeam[]): Set<string> {
  const coached = new Set<string>();
  if (coach.role !== 'lead' && coach.role !== 'admin') return coached;
  for (const t of teams) {
    if (coach.role === 'lead' && !t.supportTeam.includes(coach.userId)) continue;
    for (const member of t.supportTeam) if (member !== coach.userId) coached.add(member);
  }
  return coached;
}

/**
 * Whether `viewer` may see the coaching record of `practitionerId`: the practitioner, those who coach
 * them, and admins. Partners and researchers never do (researchers get the de-identified export only).
 */
export function maySeeCoachingOf(viewer: Viewer, practitionerId: string, teams: readonly SupportTeam[]): boolean {
  if (viewer.role === 'partner' || viewer.role === 'researcher') return false;
  return viewer.userId === practitionerId || coaches(viewer, practitionerId, teams);
}
