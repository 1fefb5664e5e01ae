import { describe, expect, it } from 'vitest';
import { createPageI18n, pageResources } from './page-i18n.ts';

/** Every key of a nested resource object, as `a.b.c`. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

describe('the translated pages’ own words', () => {
  it('exist in Spanish for every English key, and in no other', () => {
    expect(keysOf(pageResources.es).sort()).toEqual(keysOf(pageResources.en).sort());
  });

  it('use the language’s plural forms and fall back to English for a language without the words', () => {
    const es = createPageI18n('es');
    expect(es.t('intro.minutes', { ns: 'survey', count: 1 })).toBe('1 minuto');
    expect(es.t('intro.questions', { ns: 'survey', count: 4 })).toBe('4 preguntas');
    expect(es.t('errors.required', { ns: 'survey', count: 2 })).toMatch(/^Responda las 2 preguntas/);
    const en = createPageI18n('en');
    expect(en.t('intro.minutes', { ns: 'survey', count: 1 })).toBe('1 minute');
    expect(en.t('intro.minutes', { ns: 'survey', count: 3 })).toBe('3 minutes');
    expect(createPageI18n('es-MX').t('submit', { ns: 'survey' })).toBe('Enviar mis respuestas');
    expect(createPageI18n('fr').t('submit', { ns: 'survey' })).toBe('Submit my answers');
  });

  it('write sentences that begin with a capital letter and end with a full stop', () => {
    const sentences = (resources: unknown) =>
      keysOf(resources)
        .map((key) => [key, key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], resources)])
        .filter(([key]) =>
          /\.(intro\.(asks|duration|use|anonymous|expires)|unavailable\.(?!title)|errors\.|thanks\.body|item\.required)/.test(
            `.${key}`,
          ),
        );
    for (const resources of [pageResources.en, pageResources.es]) {
      expect(sentences(resources).length).toBeGreaterThan(15);
      for (const [key, text] of sentences(resources)) {
        expect(text, key as string).toMatch(/^(\{\{\w+\}\}|[A-ZÁÉÍÓÚÑ¿¡])/);
        expect(text, key as string).toMatch(/\.$/);
      }
    }
  });
});
