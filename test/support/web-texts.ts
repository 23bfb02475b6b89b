import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The web app's languages, as browser tests speak them. */
export type Lang = 'en' | 'fr' | 'es';
type Texts = { [key: string]: string | Texts };
const WEB = join(__dirname, '../../apps/web/src');

function merge(target: Texts, source: Texts): Texts {
  for (const [key, value] of Object.entries(source)) {
    target[key] = typeof value === 'string' ? value : merge((target[key] as Texts) ?? {}, value);
  }
  return target;
}

/** The web app's own texts in `lang` (the same files i18next loads), so a test reads what the person reads. */
function texts(lang: Lang): Texts {
  const all = JSON.parse(readFileSync(join(WEB, `i18n/locales/${lang}.json`), 'utf8')) as Texts;
  for (const feature of readdirSync(join(WEB, 'features'))) {
    try {
      merge(all, JSON.parse(readFileSync(join(WEB, `features/${feature}/locales/${lang}.json`), 'utf8')) as Texts);
    } catch {
      // a feature without texts
    }
  }
  return all;
}
const TEXTS: Record<Lang, Texts> = { en: texts('en'), fr: texts('fr'), es: texts('es') };

/** A text of the app in `lang`, with i18next's {{interpolation}} and _one/_other plurals. */
export function tr(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const find = (path: string) => path.split('.').reduce<string | Texts | undefined>((node, part) => (node && typeof node === 'object' ? node[part] : undefined), TEXTS[lang]);
  let value = find(key);
  if (value === undefined && params.count !== undefined) value = find(`${key}_${params.count === 1 ? 'one' : 'other'}`);
  if (typeof value !== 'string') throw new Error(`no text ${key} in ${lang}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
