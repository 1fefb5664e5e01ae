import { describe, expect, it } from 'vitest';
import { createPseudonymizer, pseudonymHexDigits } from './pseudonyms.ts';

const keyA = 'a research export key';
const keyB = 'another research export key';

describe('keyed pseudonyms', () => {
  it('are stable within one key, prefixed by kind and truncated', () => {
    const first = createPseudonymizer(keyA);
    const again = createPseudonymizer(keyA);
    expect(first('engagement', 'eng-1')).toBe(again('engagement', 'eng-1'));
    expect(first('engagement', 'eng-1')).toMatch(new RegExp(`^E-[0-9a-f]{${pseudonymHexDigits}}$`));
    expect(first('partner', 'p')).toMatch(/^P-/);
    expect(first('contact', 'c')).toMatch(/^C-/);
    expect(first('user', 'u')).toMatch(/^U-/);
    expect(first('interaction', 'i')).toMatch(/^I-/);
    expect(first('wave', 'w')).toMatch(/^W-/);
  });

  it('differ across keys, across ids and across kinds of the same id', () => {
    const a = createPseudonymizer(keyA);
    const b = createPseudonymizer(keyB);
    expect(a('engagement', 'eng-1')).not.toBe(b('engagement', 'eng-1'));
    expect(a('engagement', 'eng-1')).not.toBe(a('engagement', 'eng-2'));
    expect(a('engagement', 'x').slice(2)).not.toBe(a('partner', 'x').slice(2));
  });

  it('are the HMAC-SHA-256 of kind:id under the key, cut to 16 hex digits', () => {
    // HMAC-SHA-256("a research export key", "engagement:eng-1"), computed independently with openssl:
    // printf 'engagement:eng-1' | openssl dgst -sha256 -hmac 'a research export key'
    expect(createPseudonymizer(keyA)('engagement', 'eng-1')).toBe('E-122bce67df3da279');
  });

  it('refuse a key shorter than 16 characters, naming the key', () => {
    expect(() => createPseudonymizer('short')).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        details: [{ path: 'key', message: 'must be at least 16 characters' }],
      }),
    );
  });
});
