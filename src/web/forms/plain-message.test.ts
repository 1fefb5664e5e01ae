import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { IsoDate } from '../../domain/support/schemas.ts';
import { plainMessage } from './plain-message.ts';

const zodMessage = (schema: z.ZodType, value: unknown): string => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a refusal');
  return parsed.error.issues[0]!.message;
};

describe('plainMessage', () => {
  test('turns the API predicates into sentences about the field', () => {
    expect(plainMessage('date', 'is after the engagement ended (2021-06-30)')).toBe(
      'The date is after the engagement ended (2021-06-30).',
    );
    expect(plainMessage('duration', 'must be at least 1 minute')).toBe('The duration must be at least 1 minute.');
    expect(plainMessage('date', 'must be a date YYYY-MM-DD')).toBe('Enter a date.');
  });

  test('never lets zod’s default wording through', () => {
    const cases: [string, z.ZodType, unknown][] = [
      ['name', z.string().min(1), ''],
      ['duration', z.number(), undefined],
      ['duration', z.number(), 'sixty'],
      ['duration', z.number().min(1), 0],
      ['duration', z.number().max(1440), 2000],
      ['mode', z.enum(['video', 'phone']), 'fax'],
      ['date', IsoDate, '2021-13-01'],
      ['date', z.iso.date(), 'soon'],
    ];
    for (const [field, schema, value] of cases) {
      const sentence = plainMessage(field, zodMessage(schema, value));
      expect(sentence).not.toMatch(/expected|received|>=|<=|Invalid|Too (small|big)/);
      expect(sentence).toMatch(/^[A-Z].*\.$/);
    }
  });

  test('asks for a missing value by name', () => {
    expect(plainMessage('date', zodMessage(z.iso.date(), ''))).toBe('Enter a date.');
    expect(plainMessage('name', 'is required')).toBe('Enter a name.');
    expect(plainMessage('email address', zodMessage(z.string().min(1), ''))).toBe('Enter an email address.');
  });
});
