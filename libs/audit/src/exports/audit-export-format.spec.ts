import { niceScale } from './audit-report-charts';
import { formatFigure, humanize } from './audit-export-format';

describe('audit export formatting', () => {
  it('prints counts, shares, money and means as a committee reads them', () => {
    expect(formatFigure(1234, 'count')).toBe('1,234');
    expect(formatFigure(0.5714, 'share')).toBe('57.1%');
    expect(formatFigure('2900.50', 'money')).toBe('2,900.50');
    expect(formatFigure(33.3333, 'mean')).toBe('33.33');
    expect(formatFigure(null, 'share')).toBe('-');
  });

  it('makes codes readable', () => {
    expect(humanize('e_learning')).toBe('E-learning');
    expect(humanize('latin_america')).toBe('Latin america');
    expect(humanize('AGCD')).toBe('AGCD');
  });

  it('picks round axis scales, whole numbers for counts', () => {
    expect(niceScale(3000)).toEqual({ max: 3000, step: 1000 });
    expect(niceScale(3, true)).toEqual({ max: 3, step: 1 });
    expect(niceScale(1, true)).toEqual({ max: 1, step: 1 });
    expect(niceScale(0)).toEqual({ max: 1, step: 0.25 });
  });
});
