import { countOf } from '../count-of.ts';

/** The words of each message Praxis sends. Plain text: every mail client shows it, and nothing hides a link. */
export interface ComposedMessage {
  subject: string;
  text: string;
}

/** A survey link, with the respondent's language when it is known. */
export function surveyLink(publicUrl: string, token: string, lang: string | null): string {
  const link = `${trimSlash(publicUrl)}/survey/${token}`;
  return lang ? `${link}?lang=${encodeURIComponent(lang)}` : link;
}

export const unsubscribeLink = (publicUrl: string, token: string): string =>
  `${trimSlash(publicUrl)}/unsubscribe/${token}`;

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

export interface SurveyMessageInput {
  kind: 'invitation' | 'reminder';
  contactName: string;
  organizationName: string;
  waveName: string;
  engagementName: string;
  link: string;
  expiresAt: string | null;
  unsubscribe: string;
}

export function surveyMessage(input: SurveyMessageInput): ComposedMessage {
  const expiry = input.expiresAt ? ` The link works until ${input.expiresAt.slice(0, 10)}.` : '';
  const opening =
    input.kind === 'invitation'
      ? `${input.organizationName} asks you to answer a short survey about the support you receive (${input.engagementName}, ${input.waveName}).`
      : `A reminder: ${input.organizationName} would still like your answers to a short survey about the support you receive (${input.engagementName}, ${input.waveName}). This link replaces the one sent before.`;
  return {
    subject:
      input.kind === 'invitation'
        ? `Survey: ${input.waveName} (${input.organizationName})`
        : `Reminder: ${input.waveName} (${input.organizationName})`,
    text: [
      `Dear ${input.contactName},`,
      '',
      opening,
      '',
      `Answer here: ${input.link}`,
      '',
      `The link is yours alone; please do not forward it.${expiry}`,
      '',
      `To receive no more email from ${input.organizationName} through Praxis: ${input.unsubscribe}`,
    ].join('\n'),
  };
}

export interface DigestInput {
  personName: string;
  organizationName: string;
  today: string;
  homeUrl: string;
  nextSteps: { overdue: number; dueSoon: number; items: { text: string; engagementName: string; dueDate: string }[] };
  waves: { name: string; engagementName: string; scheduledOn: string }[];
  signals: { title: string; engagementName: string }[];
  unsubscribe: string;
}

/** The weekly digest, or null when there is nothing to tell: no next steps due, no waves due and no signals. */
export function digestMessage(input: DigestInput): ComposedMessage | null {
  const { nextSteps, waves, signals } = input;
  if (nextSteps.overdue + nextSteps.dueSoon === 0 && waves.length === 0 && signals.length === 0) return null;
  const lines = [`Dear ${input.personName},`, '', `Your week in ${input.organizationName} (${input.today}):`];
  if (nextSteps.overdue + nextSteps.dueSoon > 0) {
    lines.push(
      '',
      `Next steps: ${countOf(nextSteps.overdue, 'overdue step')}, ${countOf(nextSteps.dueSoon, 'step')} due soon.`,
    );
    for (const step of nextSteps.items) lines.push(`- ${step.dueDate}  ${step.engagementName}: ${step.text}`);
  }
  if (waves.length > 0) {
    lines.push('', `Survey waves due: ${countOf(waves.length, 'wave')}.`);
    for (const wave of waves) lines.push(`- ${wave.scheduledOn}  ${wave.engagementName}: ${wave.name}`);
  }
  if (signals.length > 0) {
    lines.push('', `Signals: ${countOf(signals.length, 'signal')}.`);
    for (const signal of signals) lines.push(`- ${signal.engagementName}: ${signal.title}`);
  }
  lines.push('', `Open Praxis: ${input.homeUrl}`, '', `To stop this digest: ${input.unsubscribe}`);
  return { subject: `Your week in ${input.organizationName}: ${input.today}`, text: lines.join('\n') };
}
