import dayjs from 'dayjs';
import countries, { type LocaleData } from 'i18n-iso-countries';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
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

/**
 * A language's texts are its own chunk (`texts-<language>`, see vite.config.ts), loaded before the
 * first render and on a switch, so a first visit downloads one language, not three: the shared
 * texts (locales/), reference data (reference/), refusals (refusals/), each feature's texts beside
 * it (features/<feature>/locales/<language>.json), country names and the date locale.
 */
const TEXT_FILES = import.meta.glob<Texts>(['./{locales,reference,refusals}/*.json', '../features/*/locales/*.json'], { import: 'default' });
const COUNTRY_NAMES: Record<Language, () => Promise<LocaleData>> = {
  en: () => import('i18n-iso-countries/langs/en.json').then((module) => module.default),
  fr: () => import('i18n-iso-countries/langs/fr.json').then((module) => module.default),
  es: () => import('i18n-iso-countries/langs/es.json').then((module) => module.default),
};
const DATE_LOCALES: Record<Language, () => Promise<unknown>> = {
  en: () => Promise.resolve(),
  fr: () => import('dayjs/locale/fr'),
  es: () => import('dayjs/locale/es'),
};

function merge(target: Texts, source: Texts): Texts {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] = typeof value === 'object' && typeof existing === 'object' ? merge({ ...existing }, value) : value;
  }
  return target;
}

const loaded = new Map<Language, Promise<void>>();

/** Loads a language's texts, country names and date locale once; resolves when i18next has them. */
function load(language: Language): Promise<void> {
  let loading = loaded.get(language);
  if (!loading) {
    // Shared files first, then the features', so a feature may refine a shared text.
    const files = Object.entries(TEXT_FILES)
      .filter(([path]) => path.endsWith(`/${language}.json`))
      .sort(([a], [b]) => Number(a.startsWith('../')) - Number(b.startsWith('../')))
      .map(([, read]) => read());
    loading = Promise.all([Promise.all(files), COUNTRY_NAMES[language](), DATE_LOCALES[language]()]).then(([parts, countryNames]) => {
      countries.registerLocale(countryNames);
      i18n.addResourceBundle(language, 'translation', parts.reduce<Texts>((texts, part) => merge(texts, part), {}), true, true);
    });
    // A failed load (the network dropped) may be tried again.
    loading.catch(() => loaded.delete(language));
    loaded.set(language, loading);
  }
  return loading;
}

/** Switches the interface language once its texts are here. */
export async function changeLanguage(language: Language): Promise<void> {
  await load(language);
  await i18n.changeLanguage(language);
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

const first = initialLanguage();
void i18n.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  lng: first,
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
/** Resolves when the first language's texts are loaded: main.tsx renders then. */
export const ready: Promise<void> = load(first).then(async () => {
  await i18n.changeLanguage(first);
});
i18n.on('languageChanged', apply);

/** The interface language, as the API's `lang` parameter expects it. */
export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (LANGUAGES.some((entry) => entry.code === language) ? language : 'en') as Language;
}

export default i18n;
