import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../api/errors';

/** Every path of a form's values (`profile.country`, `contacts.0.email`), for matching the API's field problems. */
export function valuePaths(values: unknown, prefix = ''): string[] {
  if (values === null || typeof values !== 'object' || values instanceof File || values instanceof Date) return prefix ? [prefix] : [];
  const entries = Array.isArray(values) ? values.map((value, index) => [String(index), value] as const) : Object.entries(values);
  const nested = entries.flatMap(([key, value]) => valuePaths(value, prefix ? `${prefix}.${key}` : key));
  return prefix ? [prefix, ...nested] : nested;
}

export interface ServerErrors {
  /** The last refusal reported (null once cleared). */
  error: unknown;
  /** What no field of the form took, translated: show it in <ErrorMessage messages={formErrors} />. */
  formErrors: string[];
  /** Hand the mutation's error here (`onError: serverErrors.report`): its field problems go beside their fields. */
  report: (error: unknown) => void;
  clear: () => void;
}

/**
 * The API's refusals on a Mantine form, in the person's language: each field problem of a 400
 * (`problems[{ field, code, params }]`) is set as the error of the form field it names, the rest
 * is returned as `formErrors`; focus moves to the first field in error. The texts follow a
 * change of language. `fields` defaults to every path of the form's values; `labels` name, in the
 * form-level lines, fields the form does not have.
 *
 *   const serverErrors = useServerErrors(form);
 *   const save = useMutation({ mutationFn, onError: serverErrors.report, onSuccess: serverErrors.clear });
 *   <ErrorMessage messages={serverErrors.formErrors} />
 */
export function useServerErrors<Values>(
  form: UseFormReturnType<Values>,
  options: { fields?: readonly string[]; labels?: Record<string, string> } = {},
): ServerErrors {
  const { i18n } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const { fields, labels } = options;
  const language = i18n.resolvedLanguage;
  // Keyed by content, so that lists written inline at the call do not make new texts each render.
  const fieldsKey = fields?.join('\n');
  const labelsKey = JSON.stringify(labels ?? {});
  // The form object may change at each render; read it through a ref so the effect runs only for a new error or language.
  const formRef = useRef(form);
  formRef.current = form;
  const split = useMemo(
    () => fieldErrors(error, fieldsKey !== undefined ? fieldsKey.split('\n') : valuePaths(formRef.current.getValues()), JSON.parse(labelsKey) as Record<string, string>),
    // `language`: the texts are translated again when it changes
    [error, fieldsKey, labelsKey, language],
  );
  useEffect(() => {
    if (!(error instanceof ApiError)) return;
    const names = Object.keys(split.fields);
    formRef.current.setErrors(split.fields);
    if (names.length) formRef.current.getInputNode(names[0])?.focus();
  }, [error, split]);
  const clear = useCallback(() => setError(null), []);
  return { error, formErrors: split.form, report: setError, clear };
}
