import { fromCents, moneyRatio, ratio, toCents } from './audit-math';

describe('audit arithmetic', () => {
  it('keeps CHF amounts exact', () => {
    expect(fromCents(toCents('1234567.89') + toCents('0.11'))).toBe('1234568.00');
    expect(fromCents(toCents('10') - toCents('10.5'))).toBe('-0.50');
    expect(() => toCents('1e3')).toThrow();
  });

  it('rounds ratios to 4 decimals and refuses to divide by nothing', () => {
    expect(ratio(2, 3)).toBe(0.6667);
    expect(ratio(1, 0)).toBeNull();
    expect(moneyRatio('80.00', '100.00')).toBe(0.8);
    expect(moneyRatio('5.00', '0.00')).toBeNull();
  });
});
