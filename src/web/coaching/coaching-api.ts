import { z } from 'zod';
import {
  Observation,
  Review,
  type ObservationInput,
  type ReviewInput,
  type ReviewResponseInput,
} from '../../domain/coaching/schemas.ts';
import {
  CoachedPractitioners,
  CoachingAgreementView,
  CoachingRecordView,
  CompetencyView,
  ObservationFormView,
  TeamCompetencyView,
} from '../../domain/coaching/views.ts';
import { apiGet, apiRequest, segment } from '../api/client.ts';

const base = (orgId: string): string => `/api/orgs/${segment(orgId)}/coaching`;

export const coachingKeys = {
  all: (orgId: string) => ['orgs', orgId, 'coaching'] as const,
  practitioners: (orgId: string) => ['orgs', orgId, 'coaching', 'practitioners'] as const,
  record: (orgId: string, userId: string) => ['orgs', orgId, 'coaching', 'record', userId] as const,
  competency: (orgId: string, userId: string) => ['orgs', orgId, 'coaching', 'competency', userId] as const,
  team: (orgId: string) => ['orgs', orgId, 'coaching', 'team'] as const,
  agreement: (orgId: string) => ['orgs', orgId, 'coaching', 'agreement'] as const,
  form: (orgId: string, engagementId: string) => ['orgs', orgId, 'coaching', 'form', engagementId] as const,
  review: (orgId: string, id: string) => ['orgs', orgId, 'coaching', 'review', id] as const,
};

export type ObservationFormView = z.infer<typeof ObservationFormView>;
export type CoachingRecordView = z.infer<typeof CoachingRecordView>;

export const listCoachedPractitioners = (orgId: string, signal?: AbortSignal) =>
  apiGet(`${base(orgId)}/practitioners`, CoachedPractitioners, signal);
export const fetchCoachingRecord = (orgId: string, userId: string, signal?: AbortSignal) =>
  apiGet(`${base(orgId)}/practitioners/${segment(userId)}`, CoachingRecordView, signal);
export const fetchCompetency = (orgId: string, userId: string, signal?: AbortSignal) =>
  apiGet(`${base(orgId)}/practitioners/${segment(userId)}/competency`, CompetencyView, signal);
export const fetchTeamCompetency = (orgId: string, signal?: AbortSignal) =>
  apiGet(`${base(orgId)}/team`, TeamCompetencyView, signal);
export const fetchCoachingAgreement = (orgId: string, signal?: AbortSignal) =>
  apiGet(`${base(orgId)}/agreement`, CoachingAgreementView, signal);
export const fetchObservationForm = (orgId: string, engagementId: string, signal?: AbortSignal) =>
  apiGet(`${base(orgId)}/observation-form?engagementId=${segment(engagementId)}`, ObservationFormView, signal);
export const observationFormPdfUrl = (orgId: string, engagementId: string): string =>
  `${base(orgId)}/observation-form.pdf?engagementId=${segment(engagementId)}`;
export const saveReview = (orgId: string, input: ReviewInput): Promise<Review> =>
  apiRequest('POST', `${base(orgId)}/reviews`, { body: input, schema: Review });
export const fetchReview = (orgId: string, id: string, signal?: AbortSignal) =>
  apiGet(`${base(orgId)}/reviews/${segment(id)}`, Review, signal);
export const updateReview = (orgId: string, id: string, version: number, input: ReviewInput): Promise<Review> =>
  apiRequest('PUT', `${base(orgId)}/reviews/${segment(id)}`, { body: { ...input, version }, schema: Review });
export const respondToReview = (
  orgId: string,
  id: string,
  version: number,
  input: ReviewResponseInput,
): Promise<Review> =>
  apiRequest('PUT', `${base(orgId)}/reviews/${segment(id)}/response`, { body: { ...input, version }, schema: Review });
export const saveObservation = (orgId: string, input: ObservationInput): Promise<Observation> =>
  apiRequest('POST', `${base(orgId)}/observations`, { body: input, schema: Observation });
