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

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr }, es: { translation: es } },
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
