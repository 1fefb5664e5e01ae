import type { PracticeModel } from '../model/schema.ts';
import type {
  ContactInput,
  EngagementInput,
  InteractionInput,
  Level,
  PartnerInput,
} from '../domain/support/schemas.ts';

/**
 * The shape of a generated demo: the records of the support record, referring to one another by
 * local keys because the store assigns ids only when it saves them.
 */

export interface DemoOptions {
  seed: number;
  /** The practice model every engagement uses; component, activity, principle and stage ids come only from it. */
  model: PracticeModel;
  /**
   * The month the demo is made in, `YYYY-MM`: its 62 months end in the month before (`demoWindow`).
   * The same seed, model and month always give the same dataset.
   */
  currentMonth: string;
  /** First day support may begin, `YYYY-MM-DD`; by default the window's first day. */
  start?: string;
  /** Last day of the demo, `YYYY-MM-DD`; by default the window's last day. */
  end?: string;
  /** How many interactions to generate in all; default 749, as in the tracking study the demo mirrors. */
  interactions?: number;
}

/** An implementation support practitioner (a demo login or a user the demo creates). */
export interface DemoPractitioner {
  key: string;
  email: string;
  name: string;
}

export type DemoPartner = { key: string; parentKey: string | null } & Omit<PartnerInput, 'parentId'>;

export type DemoContact = { key: string; partnerKey: string } & Omit<ContactInput, 'partnerId'>;

export type DemoEngagement = { key: string; partnerKey: string; supportTeamKeys: string[] } & Omit<
  EngagementInput,
  'partnerId' | 'supportTeam'
>;

export type DemoInteraction = { engagementKey: string; loggedByKey: string; participantContactKeys: string[] } & Omit<
  InteractionInput,
  'engagementId' | 'participants'
> & {
    participantCounts: Partial<Record<Level, number>>;
  };

export interface DemoDataset {
  practitioners: DemoPractitioner[];
  /** Parents come before their children, so they can be saved in order. */
  partners: DemoPartner[];
  contacts: DemoContact[];
  engagements: DemoEngagement[];
  /** Oldest first. */
  interactions: DemoInteraction[];
}
