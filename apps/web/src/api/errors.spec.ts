import { beforeAll, describe, expect, it } from '@jest/globals';
import countries from 'i18n-iso-countries';
import countriesEn from 'i18n-iso-countries/langs/en.json';
import countriesEs from 'i18n-iso-countries/langs/es.json';
import countriesFr from 'i18n-iso-countries/langs/fr.json';
import i18n from 'i18next';
import shared from '../i18n/locales/en.json';
import sharedEs from '../i18n/locales/es.json';
import sharedFr from '../i18n/locales/fr.json';
import reference from '../i18n/reference/en.json';
import referenceEs from '../i18n/reference/es.json';
import referenceFr from '../i18n/reference/fr.json';
import refusals from '../i18n/refusals/en.json';
import refusalsEs from '../i18n/refusals/es.json';
import refusalsFr from '../i18n/refusals/fr.json';
import { valuePaths } from '../components/useServerErrors';
import { ApiError, errorOf, fieldErrors, refusalText, type ErrorBody } from './errors';

/** The translation of the API's refusals (api/errors.ts), run by jest's unit project. */
const texts = (...parts: object[]) => parts.reduce<Record<string, unknown>>((all, part) => deepMerge(all, part as Record<string, unknown>), {});
function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    target[key] = value && typeof value === 'object' && typeof target[key] === 'object' ? deepMerge({ ...(target[key] as Record<string, unknown>) }, value as Record<string, unknown>) : value;
  }
  return target;
}

function refusal(status: number, code: string, params: Record<string, unknown> = {}, extra: Partial<ErrorBody> = {}): ApiError {
  return errorOf(status, { statusCode: status, error: 'Refused', code, params, message: 'an English sentence of the API', requestId: 'r', ...extra });
}

describe('refusals in the person’s language', () => {
  beforeAll(async () => {
    for (const locale of [countriesEn, countriesFr, countriesEs]) countries.registerLocale(locale);
    await i18n.init({
      resources: {
        en: { translation: texts(shared, reference, refusals) },
        fr: { translation: texts(sharedFr, referenceFr, refusalsFr) },
        es: { translation: texts(sharedEs, referenceEs, refusalsEs) },
      },
      lng: 'en',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
  });

  it('translates a refusal from its code, with the values its params give', async () => {
    await i18n.changeLanguage('fr');
    expect(refusalText(refusal(409, 'ACTIVITY_FULL', { activityCode: 'TA-2026-0001', capacity: 25 }))).toBe('L’activité TA-2026-0001 est complète : les 25 places sont prises.');
    // A param missing: the plain sentence, never a "{{capacity}}".
    expect(refusalText(refusal(409, 'ACTIVITY_FULL', { activityCode: 'TA-2026-0001' }))).toBe('Cette activité est complète.');
    await i18n.changeLanguage('es');
    expect(refusalText(refusal(422, 'NOT_ELIGIBLE_COUNTRY', { activityCode: 'TA-2026-0002', country: 'KEN', beneficiaries: ['SEN', 'GHA'] }))).toBe(
      'La actividad TA-2026-0002 está destinada a: Senegal y Ghana; su país, Kenia, no figura entre ellos.',
    );
  });

  it('shows statuses, dates and documents of the params in the language', async () => {
    await i18n.changeLanguage('fr');
    expect(refusalText(refusal(409, 'ACTIVITY_TRANSITION_NOT_ALLOWED', { action: 'open', status: 'planned', allowedFrom: ['confirmed', 'postponed'] }))).toBe(
      'L’activité a le statut « Planifiée » : cette étape n’est possible que si elle a le statut Confirmée ou Reportée.',
    );
    expect(refusalText(refusal(422, 'DEADLINE_PASSED', { activityCode: 'TA-2026-0003', deadline: '2026-03-12' }))).toBe(
      'La date limite de candidature à l’activité TA-2026-0003 était le 12 mars 2026.',
    );
    await i18n.changeLanguage('en');
    expect(refusalText(refusal(422, 'DOCUMENTS_MISSING', { activityCode: 'TA-2026-0004', missing: ['cv', 'passport'] }))).toBe(
      'Activity TA-2026-0004 requires these documents, still missing: Curriculum vitae and Passport.',
    );
  });

  it('never shows the server’s English on a French or Spanish page, even for a code the web does not know', async () => {
    await i18n.changeLanguage('en');
    expect(refusalText(refusal(409, 'SOMETHING_NEW'))).toBe('an English sentence of the API');
    await i18n.changeLanguage('fr');
    expect(refusalText(refusal(409, 'SOMETHING_NEW'))).toBe('La demande a été refusée (409).');
    expect(refusal(409, 'SOMETHING_NEW').messages).toEqual(['La demande a été refusée (409).']);
    expect(refusalText(new ApiError(0, []))).toBe(i18n.t('errors.unreachable'));
  });

  it('puts each field problem of a 400 beside its field, and the rest at the top of the form', async () => {
    await i18n.changeLanguage('es');
    const error = refusal(400, 'VALIDATION_FAILED', {}, {
      problems: [
        { field: 'password', code: 'MIN_LENGTH', params: { min: 12 } },
        { field: 'profile.country', code: 'IS_IN', params: {} },
        { field: 'contacts.0.email', code: 'IS_EMAIL', params: {} },
        { field: 'position', code: 'MAX_LENGTH', params: { max: 200 } },
      ],
    });
    const split = fieldErrors(error, ['password', 'profile', 'contacts.0.email']);
    expect(split.fields).toEqual({
      password: 'Escriba como mínimo 12 caracteres.',
      profile: 'Elija uno de los valores propuestos.',
      'contacts.0.email': 'Escriba una dirección de correo electrónico válida.',
    });
    expect(split.form).toEqual(['Cargo: Escriba como máximo 200 caracteres.']);
    // Without a field list, every problem is a line naming its field.
    expect(error.messages).toContain('Contraseña: Escriba como mínimo 12 caracteres.');
  });

  it('offers every path of a form’s values to match the problems against', () => {
    expect(valuePaths({ email: '', profile: { country: 'KEN', languages: ['en'] }, contacts: [{ email: '' }] })).toEqual([
      'email',
      'profile',
      'profile.country',
      'profile.languages',
      'profile.languages.0',
      'contacts',
      'contacts.0',
      'contacts.0.email',
    ]);
  });
});
