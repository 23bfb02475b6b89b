import dayjs from 'dayjs';
import 'dayjs/locale/es';
import 'dayjs/locale/fr';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import applicantEn from '../pages/applicant/locales/en.json';
import applicantEs from '../pages/applicant/locales/es.json';
import applicantFr from '../pages/applicant/locales/fr.json';
import auditorEn from '../pages/auditor/locales/en.json';
import auditorEs from '../pages/auditor/locales/es.json';
import auditorFr from '../pages/auditor/locales/fr.json';
import focalEn from '../pages/focal/locales/en.json';
import focalEs from '../pages/focal/locales/es.json';
import focalFr from '../pages/focal/locales/fr.json';
import staffEn from '../pages/staff/locales/en.json';
import staffEs from '../pages/staff/locales/es.json';
import staffFr from '../pages/staff/locales/fr.json';
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
  // Each role's pages keep their texts beside them, under a top-level key of their own.
  resources: {
    en: { translation: { ...en, ...applicantEn, ...focalEn, ...staffEn, ...auditorEn } },
    fr: { translation: { ...fr, ...applicantFr, ...focalFr, ...staffFr, ...auditorFr } },
    es: { translation: { ...es, ...applicantEs, ...focalEs, ...staffEs, ...auditorEs } },
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
