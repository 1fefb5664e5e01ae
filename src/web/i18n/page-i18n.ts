import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import es from '../locales/es.json';

/**
 * The web app's own words in other languages, for the pages that are translated: today the public survey
 * page (namespace `survey`). Each page's words are a namespace of src/web/locales/<language>.json, so a
 * further page adds its namespace there and reads it with `useTranslation('<namespace>')` under the
 * provider of an instance made here. Words missing in a language are shown in English.
 */

/** The languages the translated pages' own words exist in. */
export const pageLanguages = ['en', 'es'] as const;

export const pageResources = { en, es } as const;

/** A separate i18next instance for a translated page, in `language` (English words fill any gap). */
export function createPageI18n(language: string): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: pageResources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: false,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
