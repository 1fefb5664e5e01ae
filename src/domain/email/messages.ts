import { countOf } from '../count-of.ts';
import { matchLanguage } from '../measurement/language.ts';

/** The words of each message Praxis sends. Plain text: every mail client shows it, and nothing hides a link. */
export interface ComposedMessage {
  subject: string;
  text: string;
}

/** A survey link that opens the survey in `lang`. */
export const surveyLink = (publicUrl: string, token: string, lang: string): string =>
  `${trimSlash(publicUrl)}/survey/${token}?lang=${encodeURIComponent(lang)}`;

export const unsubscribeLink = (publicUrl: string, token: string): string =>
  `${trimSlash(publicUrl)}/unsubscribe/${token}`;

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

export interface SurveyMessageInput {
  kind: 'invitation' | 'reminder';
  /** The language of the survey link; the message is written in it when its words exist in it, else in English. */
  language: string;
  contactName: string;
  organizationName: string;
  waveName: string;
  engagementName: string;
  link: string;
  expiresAt: string | null;
  unsubscribe: string;
}

/** The words of a survey invitation or reminder in one language; names and links are filled in. */
interface SurveyWords {
  subject: (kind: SurveyMessageInput['kind'], wave: string, organization: string) => string;
  greeting: (name: string) => string;
  invitation: (organization: string, engagement: string, wave: string) => string;
  reminder: (organization: string, engagement: string, wave: string) => string;
  answerHere: string;
  yoursAlone: string;
  worksUntil: (date: string) => string;
  unsubscribe: (organization: string) => string;
}

const surveyWords: Record<string, SurveyWords> = {
  en: {
    subject: (kind, wave, organization) =>
      `${kind === 'invitation' ? 'Survey' : 'Reminder'}: ${wave} (${organization})`,
    greeting: (name) => `Dear ${name},`,
    invitation: (organization, engagement, wave) =>
      `${organization} asks you to answer a short survey about the support you receive (${engagement}, ${wave}).`,
    reminder: (organization, engagement, wave) =>
      `A reminder: ${organization} would still like your answers to a short survey about the support you receive (${engagement}, ${wave}). This link replaces the one sent before.`,
    answerHere: 'Answer here:',
    yoursAlone: 'The link is yours alone; please do not forward it.',
    worksUntil: (date) => `The link works until ${date}.`,
    unsubscribe: (organization) => `To receive no more email from ${organization} through Praxis:`,
  },
  es: {
    subject: (kind, wave, organization) =>
      `${kind === 'invitation' ? 'Encuesta' : 'Recordatorio'}: ${wave} (${organization})`,
    greeting: (name) => `Hola, ${name}:`,
    invitation: (organization, engagement, wave) =>
      `${organization} le pide que responda una breve encuesta sobre el apoyo que recibe (${engagement}, ${wave}).`,
    reminder: (organization, engagement, wave) =>
      `Un recordatorio: a ${organization} aún le gustaría conocer sus respuestas a una breve encuesta sobre el apoyo que recibe (${engagement}, ${wave}). Este enlace sustituye al enviado antes.`,
    answerHere: 'Responda aquí:',
    yoursAlone: 'El enlace es solo para usted; por favor, no lo reenvíe.',
    worksUntil: (date) => `El enlace funciona hasta el ${date}.`,
    unsubscribe: (organization) => `Para no recibir más correos de ${organization} a través de Praxis:`,
  },
};

/** The languages survey messages are written in; a survey link in any other language comes with English words. */
export const surveyMessageLanguages = Object.keys(surveyWords);

export function surveyMessage(input: SurveyMessageInput): ComposedMessage {
  const words = surveyWords[matchLanguage(input.language, surveyMessageLanguages) ?? 'en']!;
  const expiry = input.expiresAt ? ` ${words.worksUntil(input.expiresAt.slice(0, 10))}` : '';
  const opening = words[input.kind](input.organizationName, input.engagementName, input.waveName);
  return {
    subject: words.subject(input.kind, input.waveName, input.organizationName),
    text: [
      words.greeting(input.contactName),
      '',
      opening,
      '',
      `${words.answerHere} ${input.link}`,
      '',
      `${words.yoursAlone}${expiry}`,
      '',
      `${words.unsubscribe(input.organizationName)} ${input.unsubscribe}`,
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
