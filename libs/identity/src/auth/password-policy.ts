import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { DomainException } from '@trta/http';
import { IdentityRefusals } from '../identity.refusals';

/** Why a password was refused: the client translates it (PASSWORD_TOO_WEAK, params.reason). */
export type WeakPasswordReason = 'common' | 'repetitive' | 'sequence' | 'personal' | 'guessable';

/** zxcvbn scores 0 to 4; 3 is "safely unguessable" against an online attack and slow offline ones. */
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return factory;
}

/**
 * The password policy (issue 13): at least 12 characters (the DTOs check the length) and not a
 * common, repetitive or guessable password, as zxcvbn-ts estimates it with its common-password
 * and English dictionaries; the person's own email counts as guessable.
 */
export function weakPasswordReason(password: string, personal: string[] = []): WeakPasswordReason | null {
  const inputs = personal.flatMap((value) => [value, ...value.split(/[@.+_-]/)]).filter((value) => value.length >= 3);
  const result = estimator().check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const patterns = new Set(result.sequence.map((match) => (match.pattern === 'dictionary' && (match as { dictionaryName?: string }).dictionaryName === 'userInputs' ? 'personal' : match.pattern)));
  if (patterns.has('personal')) return 'personal';
  if (patterns.has('repeat')) return 'repetitive';
  if (patterns.has('sequence') || patterns.has('spatial')) return 'sequence';
  if (patterns.has('dictionary')) return 'common';
  return 'guessable';
}

export function assertStrongPassword(password: string, personal: string[] = []): void {
  const reason = weakPasswordReason(password, personal);
  if (reason) {
    throw new DomainException(IdentityRefusals.PASSWORD_TOO_WEAK, `This password is too easy to guess (${reason}); choose a longer, less common one`, {
      reason,
      field: 'password',
    });
  }
}
