import dayjs from 'dayjs';
import countries from 'i18n-iso-countries';
import countriesEn from 'i18n-iso-countries/langs/en.json';
import countriesEs from 'i18n-iso-countries/langs/es.json';
import countriesFr from 'i18n-iso-countries/langs/fr.json';
import 'dayjs/locale/es';
import 'dayjs/locale/fr';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import referenceEn from './reference/en.json';
import referenceEs from './reference/es.json';
import referenceFr from './reference/fr.json';
import refusalsEn from './refusals/en.json';
import refusalsEs from './refusals/es.json';
import refusalsFr from './refusals/fr.json';
import type { Language } from '../api/types';

export const LANGUAGES: readonly { code: Language; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
  { code: 'es', label: 'Español' },
];
const STORAGE_KEY = 'trta.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.some((language) => language.code === stored)) return stored as Language;
  const browser = navigator.language.slice(0, 2);
  return LANGUAGES.find((language) => language.code === browser)?.code ?? 'en';
}

dayjs.extend(localizedFormat);
// Country names in the three languages, by ISO 3166-1 alpha-3 code (the API's country codes).
for (const locale of [countriesEn, countriesFr, countriesEs]) countries.registerLocale(locale);

/** Keeps the page's `lang`, dates and the remembered choice in step with the interface language. */
function apply(language: string) {
  document.documentElement.lang = language;
  dayjs.locale(language);
  localStorage.setItem(STORAGE_KEY, language);
}

type Texts = { [key: string]: string | Texts };

/** Each feature keeps its texts beside it, in features/<feature>/locales/<language>.json, merged here. */
const FEATURE_TEXTS = import.meta.glob<Texts>('../features/*/locales/*.json', { eager: true, import: 'default' });

function merge(target: Texts, source: Texts): Texts {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] = typeof value === 'object' && typeof existing === 'object' ? merge({ ...existing }, value) : value;
  }
  return target;
}

function textsOf(language: Language, ...shared: Texts[]): Texts {
  return Object.entries(FEATURE_TEXTS)
    .filter(([path]) => path.endsWith(`/${language}.json`))
    .reduce((texts, [, feature]) => merge(texts, feature), shared.reduce<Texts>((texts, part) => merge(texts, part), {}));
}

/**
 * The browser test that walks every page in French and Spanish (test/web/i18n-walk.e2e-spec.ts)
 * sets `window.__TRTA_I18N_CHECK__` before the app loads: then nothing falls back to English, and
 * every key a page asks for that its language lacks is recorded in `window.__TRTA_I18N_MISSING__`.
 */
interface I18nCheck {
  __TRTA_I18N_CHECK__?: boolean;
  __TRTA_I18N_MISSING__?: { language: string; key: string }[];
}
const check = window as Window & I18nCheck;
const checking = check.__TRTA_I18N_CHECK__ === true;
if (checking) check.__TRTA_I18N_MISSING__ = [];

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: textsOf('en', en, referenceEn, refusalsEn) },
    fr: { translation: textsOf('fr', fr, referenceFr, refusalsFr) },
    es: { translation: textsOf('es', es, referenceEs, refusalsEs) },
  },
  lng: initialLanguage(),
  fallbackLng: checking ? false : 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
  saveMissing: checking,
  missingKeyHandler: checking
    ? (languages, _namespace, key) => {
        for (const language of languages) check.__TRTA_I18N_MISSING__!.push({ language, key });
      }
    : false,
});
apply(i18n.language);
i18n.on('languageChanged', apply);

/** The interface language, as the API's `lang` parameter expects it. */
export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (LANGUAGES.some((entry) => entry.code === language) ? language : 'en') as Language;
}

export default i18n;
