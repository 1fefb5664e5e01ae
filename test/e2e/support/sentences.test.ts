import { describe, expect, test } from 'vitest';
import { isFinishedSentence, readsAsSentence, type TextPiece } from './sentences.ts';

const paragraph = (text: string, parts: Partial<TextPiece> = {}): TextPiece => ({
  text,
  inSentencePlace: false,
  heavy: false,
  beginsWithCode: false,
  ...parts,
});

describe('which text the every-page test judges as a sentence', () => {
  test('a paragraph of prose is judged, whatever the case of its first letter', () => {
    expect(readsAsSentence(paragraph('No interactions were logged this month.'))).toBe(true);
    expect(readsAsSentence(paragraph('no interactions were logged this month.'))).toBe(true);
    expect(readsAsSentence(paragraph("partner's staff answer the survey in ten minutes"))).toBe(true);
    expect(readsAsSentence(paragraph('then, after the first wave, the coach plans the next'))).toBe(true);
  });

  test('a judged paragraph that begins in lower case is not a finished sentence', () => {
    expect(isFinishedSentence('no interactions were logged this month.')).toBe(false);
    expect(isFinishedSentence('No interactions were logged this month.')).toBe(true);
  });

  test('identifiers, figures, code and the command name are not sentences', () => {
    for (const text of [
      'record_id is the first field of every dictionary',
      'eis-toc 1.0.0 has five stages',
      'contentHash of the registration is kept',
      'v2 of the model was published',
      '12 min in 3 interactions',
      'min in 3 interactions this month',
      'praxis import interactions file.csv --org demo',
    ])
      expect(readsAsSentence(paragraph(text)), text).toBe(false);
    expect(readsAsSentence(paragraph('export interactions --format long', { beginsWithCode: true }))).toBe(false);
  });

  test('short, heavy and dotted paragraphs are names and labels', () => {
    expect(readsAsSentence(paragraph('since 3 May 2026'))).toBe(false);
    expect(readsAsSentence(paragraph('logged by you · 3 May 2026 at 10:00'))).toBe(false);
    expect(readsAsSentence(paragraph('Consultation and coaching support', { heavy: true }))).toBe(false);
    expect(readsAsSentence(paragraph('ABC DEF GHI JKL'))).toBe(false);
  });

  test('every piece in an alert, description, empty state or notification is judged', () => {
    expect(readsAsSentence(paragraph('saved', { inSentencePlace: true }))).toBe(true);
    expect(readsAsSentence(paragraph('record_id is kept', { inSentencePlace: true }))).toBe(true);
  });
});
