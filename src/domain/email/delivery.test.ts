import { describe, expect, it } from 'vitest';
import { afterAttempt, retryDelaySeconds } from './delivery.ts';
import { digestMessage, surveyLink, surveyMessage } from './messages.ts';

const limits = { maxAttempts: 4, retryBaseSeconds: 60, retryMaxSeconds: 300 };
const now = new Date('2026-12-07T09:00:00.000Z');

describe('delivery after an attempt', () => {
  it('doubles the wait from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelaySeconds(n, 60, 300))).toEqual([60, 120, 240, 300, 300]);
  });

  it('is sent when the server accepted the message', () => {
    expect(afterAttempt({ ok: true }, 1, now, limits)).toEqual({
      status: 'sent',
      nextAttemptAt: null,
      lastError: null,
    });
  });

  it('fails at once on a refusal (5xx), with the server’s words on one line', () => {
    expect(
      afterAttempt({ ok: false, responseCode: 550, reason: '550 Mailbox\r\n unavailable' }, 1, now, limits),
    ).toEqual({ status: 'failed', nextAttemptAt: null, lastError: '550 Mailbox unavailable' });
  });

  it('retries an unreachable server or a 4xx answer with backoff, and gives up after the last attempt', () => {
    expect(afterAttempt({ ok: false, reason: 'connect ECONNREFUSED' }, 2, now, limits)).toEqual({
      status: 'retrying',
      nextAttemptAt: '2026-12-07T09:02:00.000Z',
      lastError: 'connect ECONNREFUSED',
    });
    expect(afterAttempt({ ok: false, responseCode: 451, reason: '451 Try later' }, 1, now, limits).status).toBe(
      'retrying',
    );
    expect(afterAttempt({ ok: false, responseCode: 421 }, 4, now, limits)).toEqual({
      status: 'failed',
      nextAttemptAt: null,
      lastError: 'the server gave no reason (gave up after 4 attempts)',
    });
  });
});

describe('messages', () => {
  it('puts the language on a survey link', () => {
    expect(surveyLink('https://p.example.org/', 'abc', 'es')).toBe('https://p.example.org/survey/abc?lang=es');
    expect(surveyLink('https://p.example.org', 'abc', 'pt-BR')).toBe('https://p.example.org/survey/abc?lang=pt-BR');
  });

  it('writes a survey message in its language, and in English where its words do not exist', () => {
    const message = (kind: 'invitation' | 'reminder', language: string) =>
      surveyMessage({
        kind,
        language,
        contactName: 'Ana',
        organizationName: 'Org',
        waveName: 'Spring',
        engagementName: 'Riverside',
        link: `https://p.example.org/survey/t?lang=${language}`,
        expiresAt: '2026-12-21T00:00:00.000Z',
        unsubscribe: 'https://p.example.org/unsubscribe/u',
      });
    const spanish = message('invitation', 'es');
    expect(spanish.subject).toBe('Encuesta: Spring (Org)');
    expect(spanish.text).toBe(
      [
        'Hola, Ana:',
        '',
        'Org le pide que responda una breve encuesta sobre el apoyo que recibe (Riverside, Spring).',
        '',
        'Responda aquí: https://p.example.org/survey/t?lang=es',
        '',
        'El enlace es solo para usted; por favor, no lo reenvíe. El enlace funciona hasta el 2026-12-21.',
        '',
        'Para no recibir más correos de Org a través de Praxis: https://p.example.org/unsubscribe/u',
      ].join('\n'),
    );
    expect(message('reminder', 'es-MX').subject).toBe('Recordatorio: Spring (Org)');
    expect(message('reminder', 'es-MX').text).toContain('Este enlace sustituye al enviado antes.');
    expect(message('invitation', 'en').subject).toBe('Survey: Spring (Org)');
    expect(message('invitation', 'en').text).toMatch(/^Dear Ana,\n\nOrg asks you to answer a short survey/);
    const french = message('invitation', 'fr');
    expect(french.text).toContain('Dear Ana,');
    expect(french.text).toContain('Answer here: https://p.example.org/survey/t?lang=fr');
  });

  it('writes no digest when there is nothing to tell, and counts in the right form', () => {
    const empty = {
      personName: 'Ana',
      organizationName: 'Org',
      today: '2026-12-07',
      homeUrl: 'https://p.example.org/',
      nextSteps: { overdue: 0, dueSoon: 0, items: [] },
      waves: [],
      signals: [],
      unsubscribe: 'https://p.example.org/unsubscribe/t',
    };
    expect(digestMessage(empty)).toBeNull();
    const digest = digestMessage({
      ...empty,
      nextSteps: {
        overdue: 1,
        dueSoon: 2,
        items: [{ text: 'Send the plan', engagementName: 'Pilot', dueDate: '2026-12-01' }],
      },
      signals: [{ title: 'No contact for 45 days', engagementName: 'Pilot' }],
    });
    expect(digest?.text).toContain('Next steps: 1 overdue step, 2 steps due soon.');
    expect(digest?.text).toContain('- 2026-12-01  Pilot: Send the plan');
    expect(digest?.text).toContain('Signals: 1 signal.');
    expect(digest?.text).not.toContain('Survey waves due');
  });
});
