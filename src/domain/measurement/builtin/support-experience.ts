import type { Instrument } from '../instrument.ts';
import { fivePointAgreement, fivePointAgreementSpanish } from './agreement-scale.ts';

const items = [
  ['accessibility', 'We can reach our support team when we need them.'],
  ['quality-of-delivery', 'The support sessions are well prepared and well delivered.'],
  ['use-of-materials', 'We use the tools and materials the support team provides in our own work.'],
  ['collaboration', 'Our support team works with us as partners: decisions are made together.'],
  ['contact-frequency', 'We are in contact with our support team about as often as we need.'],
] as const;

/**
 * The partner's experience of support on the five dimensions the companion study measured beyond
 * acceptability, appropriateness and feasibility. The wording is Praxis's own, not a published measure.
 * Its Spanish translation is synthetic, made for the demo, and says so in its `note`.
 */
export const supportExperienceSurvey: Instrument = {
  id: 'support-experience',
  version: '1.0.0',
  name: 'Experience of support',
  description:
    'Accessibility, quality of delivery, use of support materials, collaboration and contact frequency, one item each on a five-point agreement scale, and an open comment. The overall score is the mean of the five items (at least four answered).',
  citation: 'Praxis support-experience survey (our own wording; not a validated published measure).',
  termsOfUse:
    'Open for any use (MIT, with Praxis). Its psychometric properties are unknown: report it as an unvalidated survey.',
  provenance: 'operationalized',
  modelId: 'eis-toc',
  blocks: [],
  items: [
    ...items.map(([id, text]) => ({
      id,
      text,
      required: true,
      type: 'agreement' as const,
      anchors: fivePointAgreement,
    })),
    {
      id: 'comment',
      text: 'Anything else you want to tell us about the support you receive?',
      required: false,
      type: 'free-text' as const,
      maxLength: 2000,
    },
  ],
  scores: [
    {
      id: 'experience',
      name: 'Experience of support (overall)',
      method: 'mean',
      items: items.map(([id]) => id),
      reverse: [],
      minAnswered: 4,
      outcomeId: 'experience-of-support',
      level: 'individual',
    },
    {
      id: 'collaboration',
      name: 'Collaboration',
      method: 'mean',
      items: ['collaboration'],
      reverse: [],
      minAnswered: 1,
      outcomeId: 'trust-alliance',
      level: 'individual',
    },
  ],
  language: 'en',
  translations: {
    es: {
      note: 'Synthetic Spanish translation made for the Praxis demo; not a validated or back-translated version. Check it with native speakers before using it in a study.',
      name: 'Experiencia del apoyo',
      description:
        'Accesibilidad, calidad de la prestación, uso de los materiales de apoyo, colaboración y frecuencia del contacto, un ítem cada uno en una escala de acuerdo de cinco puntos, y un comentario abierto.',
      items: {
        accessibility: {
          text: 'Podemos contactar a nuestro equipo de apoyo cuando lo necesitamos.',
          labels: fivePointAgreementSpanish,
        },
        'quality-of-delivery': {
          text: 'Las sesiones de apoyo están bien preparadas y bien impartidas.',
          labels: fivePointAgreementSpanish,
        },
        'use-of-materials': {
          text: 'Usamos en nuestro propio trabajo las herramientas y los materiales que nos da el equipo de apoyo.',
          labels: fivePointAgreementSpanish,
        },
        collaboration: {
          text: 'Nuestro equipo de apoyo trabaja con nosotros como socios: las decisiones se toman juntos.',
          labels: fivePointAgreementSpanish,
        },
        'contact-frequency': {
          text: 'Estamos en contacto con nuestro equipo de apoyo tan a menudo como lo necesitamos.',
          labels: fivePointAgreementSpanish,
        },
        comment: { text: '¿Hay algo más que quiera decirnos sobre el apoyo que recibe?' },
      },
    },
  },
};
