import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped is not mistaken. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;
export const CERTIFICATE_CODE_PATTERN = /^TRTA-[0-9A-HJKMNP-TV-Z]{10}$/;

/** `TRTA-` and 10 random Crockford characters (50 bits from the CSPRNG): unique by index, not guessable. */
export function newCertificateCode(): string {
  // 256 is a multiple of 32, so taking 5 bits of each byte keeps every character equally likely.
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += CROCKFORD[byte & 31];
  return `TRTA-${code}`;
}

/**
 * The code as typed by a person: case, spaces and Crockford's look-alikes (O for 0, I and L for 1)
 * forgiven; null when it cannot be a certificate code.
 */
export function normalizeCertificateCode(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/\s+/g, '');
  const match = /^TRTA-?([0-9A-Z]{10})$/.exec(compact);
  if (!match) return null;
  const code = `TRTA-${match[1].replace(/O/g, '0').replace(/[IL]/g, '1')}`;
  return CERTIFICATE_CODE_PATTERN.test(code) ? code : null;
}
