import dayjs from 'dayjs';
import 'dayjs/locale/es';
import 'dayjs/locale/fr';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
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

function textsOf(language: Language, shared: Texts): Texts {
  return Object.entries(FEATURE_TEXTS)
    .filter(([path]) => path.endsWith(`/${language}.json`))
    .reduce((texts, [, feature]) => merge(texts, feature), merge({}, shared));
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: textsOf('en', en) },
    fr: { translation: textsOf('fr', fr) },
    es: { translation: textsOf('es', es) },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
apply(i18n.language);
i18n.on('languageChanged', apply);

/** The interface language, as the API's `lang` parameter expects it. */
export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (LANGUAGES.some((entry) => entry.code === language) ? language : 'en') as Language;
}

export default i18n;
