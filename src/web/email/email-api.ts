import { z } from 'zod';
import { EmailsQueued, Unsubscribed, WaveEmail, type EmailRecipient } from '../../domain/email/schemas.ts';
import { apiGet, apiRequest, segment } from '../api/client.ts';

/** Calls to the email API: a wave's email status, invitations, reminders, retries, and unsubscribing. */

const wave = (orgId: string, waveId: string) => `/api/orgs/${segment(orgId)}/waves/${segment(waveId)}/email`;

export const fetchWaveEmail = (orgId: string, waveId: string, signal?: AbortSignal): Promise<WaveEmail> =>
  apiGet(wave(orgId, waveId), WaveEmail, signal);

export const sendInvitations = (
  orgId: string,
  waveId: string,
  recipients: Partial<EmailRecipient>[],
): Promise<EmailsQueued> =>
  apiRequest('POST', `${wave(orgId, waveId)}/invitations`, { body: { recipients }, schema: EmailsQueued });

export const sendReminders = (orgId: string, waveId: string): Promise<EmailsQueued> =>
  apiRequest('POST', `${wave(orgId, waveId)}/reminders`, { schema: EmailsQueued });

export const retryFailed = (orgId: string, waveId: string): Promise<{ queued: number }> =>
  apiRequest('POST', `${wave(orgId, waveId)}/retry`, { schema: z.object({ queued: z.number() }) });

export const unsubscribe = (token: string): Promise<Unsubscribed> =>
  apiRequest('POST', `/api/email/unsubscribe/${segment(token)}`, { body: {}, schema: Unsubscribed });
