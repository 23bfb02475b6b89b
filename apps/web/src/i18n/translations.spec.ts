import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The web's translations against what the server can say (run by jest's unit project): every
 * refusal code a library declares (libs/<lib>/src/<lib>.refusals.ts, the shared ones of
 * libs/http) has a sentence in English, French and Spanish; every code of the reference lists
 * (libs/reference) a name; every field problem the validation can answer a text; and every
 * locale file the same keys, with the same placeholders, in the three languages.
 */
const ROOT = join(__dirname, '../../../..');
const WEB = join(ROOT, 'apps/web/src');
const LANGUAGES = ['en', 'fr', 'es'] as const;
type Texts = { [key: string]: string | Texts };

function read(path: string): Texts {
  return JSON.parse(readFileSync(path, 'utf8')) as Texts;
}

function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') flat.set(`${prefix}${key}`, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) flat.set(inner, text);
  }
  return flat;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1]).sort();
}

/** Every folder of locale files: the shared ones and each feature's. */
const LOCALE_DIRS = [
  'i18n/locales',
  'i18n/refusals',
  'i18n/reference',
  ...readdirSync(join(WEB, 'features')).map((feature) => `features/${feature}/locales`).filter((dir) => {
    try {
      return readdirSync(join(WEB, dir)).includes('en.json');
    } catch {
      return false;
    }
  }),
];

const refusals = Object.fromEntries(LANGUAGES.map((language) => [language, flatten(read(join(WEB, `i18n/refusals/${language}.json`)))]));
const reference = Object.fromEntries(LANGUAGES.map((language) => [language, flatten(read(join(WEB, `i18n/reference/${language}.json`)))]));

/** The codes the libraries declare, from the registry their `declareRefusals` calls fill. */
function declaredCodes(): string[] {
  const libs = join(ROOT, 'libs');
  for (const lib of readdirSync(libs)) {
    for (const file of readdirSync(join(libs, lib, 'src'))) {
      if (file.endsWith('.refusals.ts')) require(join(libs, lib, 'src', file));
    }
  }
  const { declaredRefusalCodes } = require(join(libs, 'http/src')) as { declaredRefusalCodes(): string[] };
  return declaredRefusalCodes();
}

describe('the web’s translations', () => {
  it('has a sentence for every declared refusal code, in English, French and Spanish, and none for a code nobody declares', () => {
    const codes = declaredCodes();
    expect(codes.length).toBeGreaterThan(100);
    for (const language of LANGUAGES) {
      const translated = [...refusals[language].keys()].filter((key) => key.startsWith('refusals.')).map((key) => key.slice('refusals.'.length));
      expect({ language, missing: codes.filter((code) => !translated.includes(code)) }).toEqual({ language, missing: [] });
      expect({ language, undeclared: translated.filter((code) => !codes.includes(code)) }).toEqual({ language, undeclared: [] });
      for (const code of codes) expect(refusals[language].get(`refusals.${code}`)?.trim()).toBeTruthy();
    }
    // Written for each language, not copied from English.
    for (const code of codes) {
      expect(refusals.fr.get(`refusals.${code}`)).not.toBe(refusals.en.get(`refusals.${code}`));
      expect(refusals.es.get(`refusals.${code}`)).not.toBe(refusals.en.get(`refusals.${code}`));
    }
  });

  it('gives detailed sentences only for declared codes, with the same values in every language', () => {
    const codes = declaredCodes();
    for (const group of ['refusalDetails', 'problemDetails']) {
      const keys = [...refusals.en.keys()].filter((key) => key.startsWith(`${group}.`));
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        if (group === 'refusalDetails') expect(codes).toContain(key.slice(group.length + 1));
        else expect(refusals.en.has(`problems.${key.slice(group.length + 1)}`)).toBe(true);
      }
    }
  });

  it('has a text for every field problem the API’s validation can answer', () => {
    // Every DTO of every library registers its constraints with class-validator when loaded.
    const libs = join(ROOT, 'libs');
    for (const lib of readdirSync(libs)) require(join(libs, lib, 'src'));
    const { getMetadataStorage } = require('class-validator') as typeof import('class-validator');
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, { name?: string; type: string }[]> };
    const constraints = new Set<string>();
    for (const metadata of storage.validationMetadatas.values()) {
      for (const { name, type } of metadata) if (type !== 'conditionalValidation' && type !== 'promiseValidation') constraints.add(name ?? type);
    }
    const codes = [...constraints].map((constraint) => (constraint === 'whitelistValidation' ? 'UNKNOWN_FIELD' : constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()));
    expect(codes).toContain('IS_EMAIL');
    for (const language of LANGUAGES) {
      expect({ language, missing: codes.filter((code) => !refusals[language].has(`problems.${code}`)) }).toEqual({ language, missing: [] });
    }
  });

  it('names every region, topic, division, product category and PLS level of the reference data', () => {
    const data = require(join(ROOT, 'libs/reference/src/data/reference-data')) as Record<string, { code: string }[]>;
    const lists = { regions: data.REGIONS, topics: data.TOPICS, divisions: data.DIVISIONS, productCategories: data.PRODUCT_CATEGORIES, plsLevels: data.PLS_LEVELS };
    for (const [group, items] of Object.entries(lists)) {
      expect(items.length).toBeGreaterThan(2);
      for (const language of LANGUAGES) {
        const named = [...reference[language].keys()].filter((key) => key.startsWith(`reference.${group}.`)).map((key) => key.split('.').pop());
        expect({ group, language, missing: items.map((item) => item.code).filter((code) => !named.includes(code)) }).toEqual({ group, language, missing: [] });
        expect({ group, language, unknown: named.filter((code) => !items.some((item) => item.code === code)) }).toEqual({ group, language, unknown: [] });
      }
    }
  });

  it('has the same keys, with the same placeholders, in every language of every locale file', () => {
    expect(LOCALE_DIRS.length).toBeGreaterThan(10);
    for (const dir of LOCALE_DIRS) {
      const [en, ...others] = LANGUAGES.map((language) => flatten(read(join(WEB, dir, `${language}.json`))));
      for (const [index, other] of others.entries()) {
        const language = LANGUAGES[index + 1];
        expect({ dir, language, missing: [...en.keys()].filter((key) => !other.has(key)) }).toEqual({ dir, language, missing: [] });
        expect({ dir, language, extra: [...other.keys()].filter((key) => !en.has(key)) }).toEqual({ dir, language, extra: [] });
        const mismatched = [...en].filter(([key, text]) => other.has(key) && placeholders(text).join() !== placeholders(other.get(key)!).join()).map(([key]) => key);
        expect({ dir, language, mismatched }).toEqual({ dir, language, mismatched: [] });
      }
    }
  });
});
