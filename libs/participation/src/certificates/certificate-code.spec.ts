import { CERTIFICATE_CODE_PATTERN, newCertificateCode, normalizeCertificateCode } from './certificate-code';

describe('certificate codes', () => {
  it('are TRTA- and 10 Crockford characters, different every time', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newCertificateCode()));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(CERTIFICATE_CODE_PATTERN);
  });

  it('forgive case and look-alikes, and refuse anything else', () => {
    expect(normalizeCertificateCode(' trta-0123456789 ')).toBe('TRTA-0123456789');
    expect(normalizeCertificateCode('TRTA-O1IL23456A')).toBe('TRTA-011123456A');
    expect(normalizeCertificateCode('TRTA0123456789')).toBe('TRTA-0123456789');
    expect(normalizeCertificateCode('TRTA-U123456789')).toBeNull();
    expect(normalizeCertificateCode('TRTA-123')).toBeNull();
    expect(normalizeCertificateCode("'; DROP TABLE x; --")).toBeNull();
  });
});
