import type { ContactInput, EngagementInput, InteractionInput, PartnerInput } from '../domain/support/schemas.ts';
import type { DemoContact, DemoEngagement, DemoInteraction, DemoPartner } from './dataset.ts';

/**
 * Turns demo records, which refer to one another by local keys, into the inputs the support record
 * accepts, once the store has given the referenced records their ids. The caller looks ids up; these
 * functions only drop the keys and put the ids where the inputs expect them.
 */

export function partnerInput(
  { key: _key, parentKey: _parentKey, ...partner }: DemoPartner,
  parentId: string | null,
): PartnerInput {
  return { ...partner, parentId };
}

export function contactInput(
  { key: _key, partnerKey: _partnerKey, ...contact }: DemoContact,
  partnerId: string,
): ContactInput {
  return { ...contact, partnerId };
}

export function engagementInput(
  { key: _key, partnerKey: _partnerKey, supportTeamKeys: _team, ...engagement }: DemoEngagement,
  partnerId: string,
  supportTeam: string[],
): EngagementInput {
  return { ...engagement, partnerId, supportTeam };
}

export function interactionInput(
  {
    engagementKey: _engagement,
    loggedByKey: _loggedBy,
    participantContactKeys: _contacts,
    participantCounts,
    ...interaction
  }: DemoInteraction,
  engagementId: string,
  contactIds: string[],
): InteractionInput {
  return { ...interaction, engagementId, participants: { contactIds, counts: participantCounts } };
}
