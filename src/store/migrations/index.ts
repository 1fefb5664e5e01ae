import type { Migration } from 'kysely';
import * as accounts from './2026-11-26T16-00-accounts.ts';
import * as practiceModels from './2026-11-26T16-10-practice-models.ts';
import * as supportRecord from './2026-11-26T16-20-support-record.ts';
import * as measurement from './2026-11-26T17-00-measurement.ts';
import * as organizationDose from './2026-11-26T20-00-organization-dose.ts';
import * as measurementWaves from './2026-11-26T20-10-measurement-waves.ts';
import * as hypotheses from './2026-11-26T20-20-hypotheses.ts';
import * as engagementPage from './2026-11-26T20-30-engagement-page.ts';
import * as monthDiversity from './2026-11-27T00-00-month-diversity.ts';
import * as organizationRelationshipDose from './2026-11-27T00-10-organization-relationship-dose.ts';
import * as relationshipMonthDose from './2026-11-27T01-00-relationship-month-dose.ts';
import * as practiceUseRollups from './2026-11-27T01-10-practice-use-rollups.ts';
import * as invitations from './2026-11-27T02-00-invitations.ts';
import * as practitionerComponentMonth from './2026-12-07T01-00-practitioner-component-month.ts';
import * as homeIndexes from './2026-12-07T05-00-home-indexes.ts';
import * as stagePlans from './2026-12-07T06-00-stage-plans.ts';
import * as signals from './2026-12-07T06-10-signals.ts';
import * as coaching from './2026-12-07T06-20-coaching.ts';
import * as partnerMembers from './2026-12-07T16-00-partner-members.ts';
import * as researchSettings from './2026-12-07T18-00-research-settings.ts';
import * as signalIndexes from './2026-12-07T18-10-signal-indexes.ts';
import * as calendarFeeds from './2026-12-07T18-20-calendar-feeds.ts';
import * as importMappings from './2026-12-07T23-00-import-mappings.ts';
import * as emailOutbox from './2026-12-07T23-01-email-outbox.ts';
import * as responseLanguage from './2026-12-07T23-02-response-language.ts';
import * as organizationCalendarComponentDose from './2026-12-07T23-03-organization-calendar-component-dose.ts';
import * as nextStepDueMonth from './2026-12-07T23-04-next-step-due-month.ts';
import * as liveInteractionsIndex from './2026-12-07T23-05-live-interactions-index.ts';
import * as contactLanguage from './2026-12-08T01-20-contact-language.ts';
import * as derivedVersions from './2026-12-08T02-00-derived-versions.ts';

/**
 * Every migration, by name. Names are timestamps so they sort in the order they must run; the list
 * is explicit (not a directory scan) so it works the same from source, from a bundle and in tests.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-26T16-00-accounts': accounts,
  '2026-11-26T16-10-practice-models': practiceModels,
  '2026-11-26T16-20-support-record': supportRecord,
  '2026-11-26T17-00-measurement': measurement,
  '2026-11-26T20-00-organization-dose': organizationDose,
  '2026-11-26T20-10-measurement-waves': measurementWaves,
  '2026-11-26T20-20-hypotheses': hypotheses,
  '2026-11-26T20-30-engagement-page': engagementPage,
  '2026-11-27T00-00-month-diversity': monthDiversity,
  '2026-11-27T00-10-organization-relationship-dose': organizationRelationshipDose,
  '2026-11-27T01-00-relationship-month-dose': relationshipMonthDose,
  '2026-11-27T01-10-practice-use-rollups': practiceUseRollups,
  '2026-11-27T02-00-invitations': invitations,
  '2026-12-07T01-00-practitioner-component-month': practitionerComponentMonth,
  '2026-12-07T05-00-home-indexes': homeIndexes,
  '2026-12-07T06-00-stage-plans': stagePlans,
  '2026-12-07T06-10-signals': signals,
  '2026-12-07T06-20-coaching': coaching,
  '2026-12-07T16-00-partner-members': partnerMembers,
  '2026-12-07T18-00-research-settings': researchSettings,
  '2026-12-07T18-10-signal-indexes': signalIndexes,
  '2026-12-07T18-20-calendar-feeds': calendarFeeds,
  '2026-12-07T23-00-import-mappings': importMappings,
  '2026-12-07T23-01-email-outbox': emailOutbox,
  '2026-12-07T23-02-response-language': responseLanguage,
  '2026-12-07T23-03-organization-calendar-component-dose': organizationCalendarComponentDose,
  '2026-12-07T23-04-next-step-due-month': nextStepDueMonth,
  '2026-12-07T23-05-live-interactions-index': liveInteractionsIndex,
  '2026-12-08T01-20-contact-language': contactLanguage,
  '2026-12-08T02-00-derived-versions': derivedVersions,
};

/**
 * Migrations that were added to the list after others whose names sort later, each with the migration
 * it was added after. Databases that ran them in the order they were added exist, so the migrator
 * accepts that order as well as name order. Closed: a new migration is named after every other one.
 */
export const addedOutOfOrder: Readonly<Record<string, string>> = {
  '2026-11-26T20-00-organization-dose': '2026-11-26T20-20-hypotheses',
};
